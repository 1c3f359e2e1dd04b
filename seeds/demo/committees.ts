/**
 * Property committees of Xiguan Street (the article: "set up property management committees in each community,
 * establish a party organization at the same time, and achieve full coverage of property management by
 * introducing professional properties and community support"). Runs inside the demo seed's transaction, after
 * the organisation and its people exist; deterministic for a given (seed, now).
 *
 * 22 of the 26 compounds without property management get an ACTIVE committee founded earlier this year, with
 * 3–7 members who live or are party members there, one chair (a party member where there is one) and a mix
 * of service modes. Cotton Mill Dormitory has none yet: its residents' wish about it is still open.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { recordChange } from '../../server/src/domain/kernel/change-log.ts';
import { localDate, localYear, STREET_UTC_OFFSET_MS } from '../../server/src/domain/kernel/street-time.ts';
import { PARTNERS } from '../xiguan-street.ts';
import { Rng } from './rng.ts';
import { DAY } from './time.ts';

export interface CommitteesSeedOptions {
  now: Date;
  seed: number;
}

export interface CommitteesSeedSummary {
  committees: number;
  members: number;
  /** Residents created for compounds that had fewer than three people to sit on a committee. */
  residentsCreated: number;
}

const COMMITTEES = 22;
const WITHOUT_COMMITTEE = 'Cotton Mill Dormitory';

const COMPANIES = [
  PARTNERS.find((p) => p.key === 'property')?.nameZh ?? '介休市馨苑物业管理有限公司',
  '介休市安居物业服务有限公司',
  '晋中市万家物业管理有限公司',
  '介休市恒信物业服务有限公司',
];

const NOTES = {
  SELF_MANAGED: '居民自治：业主代表轮值，负责大门看护、楼道保洁和公共设施报修。',
  PROFESSIONAL_COMPANY: '经业主大会表决引入专业物业公司，物管会监督服务质量、公示收支。',
  COMMUNITY_SUPPORTED: '社区托管：社区统筹保洁、绿化和维修，网格员日常巡查，物管会协调居民事务。',
} as const;

type Mode = keyof typeof NOTES;

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export async function seedCommittees(
  em: EntityManager,
  options: CommitteesSeedOptions,
): Promise<CommitteesSeedSummary> {
  const rng = new Rng((options.seed ^ 0x0c0331ee) >>> 0);
  const now = options.now.getTime();

  const compounds = await em.execute<{ id: number; name: string; name_zh: string; parent_id: number }[]>(
    `select id, name, name_zh, parent_id from org_unit
      where kind = 'COMPOUND' and has_property_management = false and retired_at is null order by id`,
  );
  const chosen = rng
    .shuffled(compounds.filter((c) => c.name !== WITHOUT_COMMITTEE))
    .slice(0, COMMITTEES)
    .sort((a, b) => a.id - b.id);
  // A fixed mix of modes, in a seeded order: every mode is there whatever the seed.
  const third = Math.round(chosen.length / 3);
  const modes = rng.shuffled<Mode>(
    chosen.map(
      (_, i): Mode => (i < third ? 'PROFESSIONAL_COMPANY' : i < 2 * third ? 'COMMUNITY_SUPPORTED' : 'SELF_MANAGED'),
    ),
  );

  // Founded this year (local time), before today.
  const yearStart = Date.UTC(localYear(options.now), 0, 1);
  const lastDay = Date.parse(localDate(options.now)) - DAY;
  const firstDay = Math.min(yearStart, lastDay);

  const summary: CommitteesSeedSummary = { committees: 0, members: 0, residentsCreated: 0 };
  for (const [index, compound] of chosen.entries()) {
    const [secretary] = await em.execute<{ person_id: number }[]>(
      `select person_id from person_role where role = 'BRANCH_SECRETARY' and org_unit_id = ? order by id limit 1`,
      [compound.parent_id],
    );
    let people = await eligible(em, compound.id);
    while (people.length < 3) {
      await createResident(em, compound, summary.residentsCreated, now);
      summary.residentsCreated++;
      people = await eligible(em, compound.id);
    }
    const size = Math.min(rng.int(3, 7), people.length);
    const members = rng.shuffled(people).slice(0, size);
    // The chair is a party member where one sits on the committee (the party organisation is founded with it).
    const chairIndex = Math.max(
      0,
      members.findIndex((m) => m.party),
    );
    const [chair] = members.splice(chairIndex, 1);
    const roles = [
      { ...(chair as Eligible), role: 'CHAIR' as const },
      ...members.map((m, i) => ({
        ...m,
        role: i < (size >= 6 ? 2 : 1) ? ('VICE_CHAIR' as const) : ('MEMBER' as const),
      })),
    ];

    const mode = modes[index] as Mode;
    const company = mode === 'PROFESSIONAL_COMPANY' ? rng.pick(COMPANIES) : null;
    const days = Math.round((lastDay - firstDay) / DAY);
    const foundedOn = isoDate(firstDay + rng.int(0, days) * DAY);
    // Founded at a residents' meeting at 10:00 local time.
    const at = new Date(Date.parse(`${foundedOn}T10:00:00Z`) - STREET_UTC_OFFSET_MS);
    const actorId = secretary?.person_id ?? null;
    const name = `${compound.name_zh}物业管理委员会`;
    const partyOrganization = `${compound.name_zh}物业管理委员会党支部`;
    const notes = mode === 'PROFESSIONAL_COMPANY' ? `${NOTES[mode]}服务企业：${company}。` : NOTES[mode];

    const [row] = await em.execute<{ id: number }[]>(
      `insert into property_committee (compound_id, name, founded_on, service_mode, company_name, party_organization,
                                       status, notes, created_at, updated_at, version)
       values (?, ?, ?::date, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?) returning id`,
      [compound.id, name, foundedOn, mode, company, partyOrganization, notes, at, at, 1 + roles.length],
    );
    const committeeId = (row as { id: number }).id;
    const log = (action: string, data: Record<string, unknown>) =>
      recordChange(em, { entityType: 'PropertyCommittee', entityId: committeeId, action, actorId, data }, at);
    await log('CREATE', {
      compoundId: compound.id,
      name,
      foundedOn,
      serviceMode: mode,
      companyName: company,
      partyOrganization,
      notes,
    });
    for (const m of roles) {
      const [member] = await em.execute<{ id: number }[]>(
        `insert into property_committee_member (committee_id, person_id, role, is_party_member, joined_on)
         values (?, ?, ?, ?, ?::date) returning id`,
        [committeeId, m.id, m.role, m.party, foundedOn],
      );
      await log('ADD_MEMBER', {
        memberId: member?.id,
        personId: m.id,
        role: m.role,
        isPartyMember: m.party,
        joinedOn: foundedOn,
      });
      summary.members++;
    }
    summary.committees++;
  }
  return summary;
}

interface Eligible {
  id: number;
  party: boolean;
}

/** People who live in the compound or are party members there, by id. */
function eligible(em: EntityManager, compoundId: number): Promise<Eligible[]> {
  return em.execute<Eligible[]>(
    `select p.id, bool_or(r.role = 'PARTY_MEMBER') as party
       from person p join person_role r on r.person_id = p.id
      where r.org_unit_id = ? and r.role in ('RESIDENT', 'PARTY_MEMBER') and p.active
      group by p.id order by p.id`,
    [compoundId],
  );
}

async function createResident(
  em: EntityManager,
  compound: { id: number; name_zh: string },
  n: number,
  now: number,
): Promise<void> {
  const at = new Date(now - 400 * DAY);
  const [person] = await em.execute<{ id: number }[]>(
    `insert into person (username, display_name, phone, password_hash, active, created_at)
     values (null, ?, null, null, true, ?) returning id`,
    [`${compound.name_zh}居民代表${n + 1}`, at],
  );
  await em.execute(`insert into person_role (person_id, role, org_unit_id, created_at) values (?, 'RESIDENT', ?, ?)`, [
    person?.id,
    compound.id,
    at,
  ]);
}
