/**
 * The organisation and its people, built in memory: the street's units from xiguan-street.ts with their ids
 * and paths, the demo accounts first (smallest ids), then the staff, partner contacts, secretaries, grid
 * workers, members and residents of every compound, with generated names and phones.
 */
import type { IOrgUnit, OrgUnitKind, Role } from '../../server/src/entities/index.ts';
import {
  CATEGORIES,
  type CategoryFacts,
  COMMUNITIES,
  DEMO_ACCOUNTS,
  GIVEN_NAME_CHARS,
  PARTNERS,
  type PartnerKey,
  PHONE_PREFIXES,
  STREET,
  STREET_STAFF,
  SURNAMES,
} from '../xiguan-street.ts';
import type { Rng } from './rng.ts';

/** An org_unit row before insertion, with its parent as an object. */
export type UnitDraft = Pick<
  IOrgUnit,
  | 'id'
  | 'name'
  | 'nameZh'
  | 'path'
  | 'population'
  | 'households'
  | 'hasPropertyManagement'
  | 'partyOrganization'
  | 'description'
> & { kind: OrgUnitKind; parent: UnitDraft | null };

export interface RoleDraft {
  id: number;
  role: Role;
  unit: UnitDraft;
}

export interface PersonDraft {
  id: number;
  username: string | null;
  displayName: string;
  phone: string | null;
  roles: RoleDraft[];
}

export interface CommunityWorld {
  unit: UnitDraft;
  secretary: PersonDraft;
  /** The worker of the community's general grid. */
  gridWorker: PersonDraft;
}

export interface CompoundWorld {
  unit: UnitDraft;
  community: CommunityWorld;
  secretary: PersonDraft;
  /** Party members and volunteers attached to the compound: who takes and claims its orders. */
  members: PersonDraft[];
  residents: PersonDraft[];
  /** Its own grid's worker, or the community's general grid worker. */
  gridWorker: PersonDraft;
}

export interface CategoryRow extends CategoryFacts {
  id: number;
}

export interface World {
  units: UnitDraft[];
  people: PersonDraft[];
  roles: RoleDraft[];
  categories: CategoryRow[];
  compounds: CompoundWorld[];
  streetAdmins: PersonDraft[];
  partnerContacts: Map<PartnerKey, PersonDraft>;
  person(username: string): PersonDraft;
  compound(name: string): CompoundWorld;
}

function buildUnits(): { units: UnitDraft[]; byName: Map<string, UnitDraft> } {
  const units: UnitDraft[] = [];
  const byName = new Map<string, UnitDraft>();
  const add = (
    kind: OrgUnitKind,
    parent: UnitDraft | null,
    fields: Pick<UnitDraft, 'name' | 'nameZh'> & Partial<UnitDraft>,
  ): UnitDraft => {
    const id = units.length + 1;
    const unit: UnitDraft = {
      population: null,
      households: null,
      hasPropertyManagement: null,
      partyOrganization: null,
      description: null,
      ...fields,
      id,
      kind,
      parent,
      path: `${parent?.path ?? '/'}${id}/`,
    };
    if (byName.has(unit.name)) throw new Error(`seed: duplicate unit name ${unit.name}`);
    units.push(unit);
    byName.set(unit.name, unit);
    return unit;
  };

  const street = add('STREET', null, { ...STREET });
  for (const c of COMMUNITIES) {
    add('COMMUNITY', street, {
      name: c.name,
      nameZh: c.nameZh,
      partyOrganization: c.partyOrganization,
      population: c.population,
      households: c.households,
    });
  }
  for (const p of PARTNERS) {
    add('PARTNER', street, {
      name: p.name,
      nameZh: p.nameZh,
      partyOrganization: p.partyOrganization,
      description: p.description,
    });
  }
  for (const c of COMMUNITIES) {
    const community = byName.get(c.name) as UnitDraft;
    for (const k of c.compounds) {
      add('COMPOUND', community, {
        name: k.name,
        nameZh: k.nameZh,
        hasPropertyManagement: k.hasPropertyManagement,
        population: k.population,
        households: k.households,
        partyOrganization: `${k.name} Party Branch`,
      });
    }
  }
  for (const c of COMMUNITIES) {
    add('GRID', byName.get(c.name) as UnitDraft, { ...c.generalGrid });
    for (const k of c.compounds.filter((k) => k.ownGrid)) {
      add('GRID', byName.get(k.name) as UnitDraft, { name: `${k.name} Grid`, nameZh: `${k.nameZh}网格` });
    }
  }
  return { units, byName };
}

class PeopleBuilder {
  readonly people: PersonDraft[] = [];
  readonly roles: RoleDraft[] = [];
  private readonly names = new Set<string>();
  private readonly phones = new Set<string>();

  constructor(private readonly rng: Rng) {
    for (const a of DEMO_ACCOUNTS) this.names.add(a.displayName);
    for (const s of STREET_STAFF) this.names.add(s.displayName);
    for (const p of PARTNERS) this.names.add(p.contactName);
  }

  add(fields: { username?: string; displayName?: string; phone?: string | null }): PersonDraft {
    const person: PersonDraft = {
      id: this.people.length + 1,
      username: fields.username ?? null,
      displayName: fields.displayName ?? this.newName(),
      phone: fields.phone === undefined ? this.newPhone() : fields.phone,
      roles: [],
    };
    if (person.phone) this.phones.add(person.phone);
    this.people.push(person);
    return person;
  }

  grant(person: PersonDraft, role: Role, unit: UnitDraft): PersonDraft {
    const row: RoleDraft = { id: this.roles.length + 1, role, unit };
    person.roles.push(row);
    this.roles.push(row);
    return person;
  }

  private newName(): string {
    for (;;) {
      const given = this.rng.chance(0.8)
        ? this.rng.pick(GIVEN_NAME_CHARS) + this.rng.pick(GIVEN_NAME_CHARS)
        : this.rng.pick(GIVEN_NAME_CHARS);
      const name = this.rng.pick(SURNAMES) + given;
      if (!this.names.has(name)) {
        this.names.add(name);
        return name;
      }
    }
  }

  private newPhone(): string {
    for (;;) {
      const phone = this.rng.pick(PHONE_PREFIXES) + String(this.rng.int(0, 99_999_999)).padStart(8, '0');
      if (!this.phones.has(phone)) return phone;
    }
  }
}

export function buildWorld(rng: Rng): World {
  const { units, byName } = buildUnits();
  const unit = (name: string): UnitDraft => {
    const found = byName.get(name);
    if (!found) throw new Error(`seed: unknown unit ${name}`);
    return found;
  };
  const b = new PeopleBuilder(rng);

  // Demo accounts first, so they get the smallest ids.
  const byUsername = new Map<string, PersonDraft>();
  for (const a of DEMO_ACCOUNTS) {
    const person = b.grant(
      b.add({ username: a.username, displayName: a.displayName, phone: a.phone }),
      a.role,
      unit(a.unit),
    );
    byUsername.set(a.username, person);
  }
  const person = (username: string): PersonDraft => {
    const found = byUsername.get(username);
    if (!found) throw new Error(`seed: unknown demo account ${username}`);
    return found;
  };
  const holders = (role: Role, u: UnitDraft) =>
    b.people.filter((p) => p.roles.some((r) => r.role === role && r.unit === u));

  const street = unit(STREET.name);
  const streetAdmins = [person('admin')];
  for (const s of STREET_STAFF) streetAdmins.push(b.grant(b.add({ displayName: s.displayName }), s.role, street));

  const partnerContacts = new Map<PartnerKey, PersonDraft>();
  for (const p of PARTNERS) {
    partnerContacts.set(p.key, b.grant(b.add({ displayName: p.contactName }), 'VOLUNTEER', unit(p.name)));
  }

  const compounds: CompoundWorld[] = [];
  for (const c of COMMUNITIES) {
    const cu = unit(c.name);
    const generalGrid = unit(c.generalGrid.name);
    const community: CommunityWorld = {
      unit: cu,
      secretary: holders('BRANCH_SECRETARY', cu)[0] ?? b.grant(b.add({}), 'BRANCH_SECRETARY', cu),
      gridWorker: holders('GRID_WORKER', generalGrid)[0] ?? b.grant(b.add({}), 'GRID_WORKER', generalGrid),
    };

    for (const k of c.compounds) {
      const ku = unit(k.name);
      const secretary = holders('BRANCH_SECRETARY', ku)[0] ?? b.grant(b.add({}), 'BRANCH_SECRETARY', ku);
      // Many branch secretaries are resident party members of their own compound (the article). Demo accounts
      // keep exactly the one role of contract/DEMO-ACCOUNTS.md.
      if (secretary.username === null && rng.chance(0.3)) b.grant(secretary, 'RESIDENT', ku);
      const gridWorker = k.ownGrid ? b.grant(b.add({}), 'GRID_WORKER', unit(`${k.name} Grid`)) : community.gridWorker;

      const members = [...holders('PARTY_MEMBER', ku), ...holders('VOLUNTEER', ku)];
      const wantedMembers = rng.int(3, 6);
      while (members.length < wantedMembers) {
        const member = b.grant(b.add({}), rng.chance(0.15) ? 'VOLUNTEER' : 'PARTY_MEMBER', ku);
        // A few members also live there: one person, several roles.
        if (rng.chance(0.12)) b.grant(member, 'RESIDENT', ku);
        members.push(member);
      }
      const existingResidents = holders('RESIDENT', ku).length;
      const wantedResidents = existingResidents + rng.int(existingResidents > 1 ? 2 : 3, 6);
      for (let i = existingResidents; i < wantedResidents; i++) {
        // Some elderly residents have no mobile phone: grid workers list their wishes for them.
        b.grant(b.add(rng.chance(0.12) ? { phone: null } : {}), 'RESIDENT', ku);
      }
      compounds.push({ unit: ku, community, secretary, members, residents: holders('RESIDENT', ku), gridWorker });
    }
  }

  const categories = CATEGORIES.map((c, i) => ({ ...c, id: i + 1 }));
  return {
    units,
    people: b.people,
    roles: b.roles,
    categories,
    compounds,
    streetAdmins,
    partnerContacts,
    person,
    compound: (name) => {
      const found = compounds.find((c) => c.unit.name === name);
      if (!found) throw new Error(`seed: unknown compound ${name}`);
      return found;
    },
  };
}
