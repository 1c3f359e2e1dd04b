/**
 * Residents who register themselves, and their verification. Anyone may register (the transport limits how often
 * per client address); the new person is a RESIDENT of the compound, PENDING until a grid worker or secretary of
 * the compound verifies or refuses them. Until then they may log in and read their account and notifications only.
 * Every change writes its change_event in its transaction; a decision also notifies the resident there.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { LANGUAGES, type Language, type PersonVerification } from '../../entities/person.entity.ts';
import { hashPassword } from '../auth/password.ts';
import { recordChange } from '../kernel/change-log.ts';
import { badInput, forbidden, invalidTransition, notFound } from '../kernel/errors.ts';
import { type IdRef, type Maybe, optionalText, requiredRef, requiredText } from '../kernel/input.ts';
import { isUniqueViolation } from '../kernel/pg-errors.ts';
import { ViewerService } from '../kernel/viewer-service.ts';
import { insertNotifications } from '../notifications/notification.service.ts';
import { seesPerson } from '../organisation/organisation.policy.ts';
import { heldRoles, lockPerson, usernameTaken } from '../organisation/person.queries.ts';
import { mayVerify } from './residents.policy.ts';

const USERNAME = /^[A-Za-z0-9._-]{3,32}$/;
const MIN_PASSWORD = 8;
const MAX_PASSWORD = 200;
const MAX_DISPLAY_NAME = 100;
const MAX_ADDRESS = 100;
const MAX_REASON = 500;
/** A mainland China mobile number: 11 digits starting with 1 and 3–9. */
const MOBILE = /^1[3-9][0-9]{9}$/;
/** Registrations into one compound take this lock (with the compound's id), so one phone number registers once. */
const REGISTRATION_LOCK = 7_310_200;

export interface RegisterResidentInput {
  username: string;
  password: string;
  displayName: string;
  phone: string;
  compoundId: IdRef;
  address: string;
  language?: Maybe<Language>;
}

/** A mobile number as people write it ("138 0013 8000", "+86 138-0013-8000") in its 11 digits, or null. */
export function normalizeMobile(value: string): string | null {
  let digits = value.replace(/[\s-]/g, '');
  if (digits.startsWith('+86')) digits = digits.slice(3);
  else if (digits.startsWith('0086')) digits = digits.slice(4);
  return MOBILE.test(digits) ? digits : null;
}

/** Registers a resident (PENDING); returns the new person's id. BAD_USER_INPUT names the field at fault. */
export async function registerResident(em: EntityManager, input: RegisterResidentInput, at: Date): Promise<number> {
  const username = (input.username ?? '').trim();
  if (!USERNAME.test(username)) {
    throw badInput('username', '3–32 characters: letters, digits, ".", "_" or "-"');
  }
  const password = input.password ?? '';
  if (password.length < MIN_PASSWORD) throw badInput('password', `must be at least ${MIN_PASSWORD} characters`);
  if (password.length > MAX_PASSWORD) throw badInput('password', `must be at most ${MAX_PASSWORD} characters`);
  const displayName = requiredText('displayName', input.displayName, MAX_DISPLAY_NAME);
  const phone = normalizeMobile(input.phone ?? '');
  if (phone === null) throw badInput('phone', 'must be an 11-digit mainland mobile number, e.g. 13800138000');
  const address = requiredText('address', input.address, MAX_ADDRESS);
  const language: Language = input.language ?? 'zh-CN';
  if (!LANGUAGES.includes(language)) throw badInput('language', `must be one of ${LANGUAGES.join(', ')}`);
  if (await usernameTaken(em, username, null)) throw badInput('username', `"${username}" is taken: choose another`);
  const passwordHash = await hashPassword(password);
  const compoundId = requiredRef(input.compoundId, 'Compound');

  return em.transactional(async (tem) => {
    await tem.execute('select pg_advisory_xact_lock(?, ?)', [REGISTRATION_LOCK, compoundId]);
    const [unit] = await tem.execute<{ id: number; kind: string; retired_at: Date | null }[]>(
      'select id, kind, retired_at from org_unit where id = ?',
      [compoundId],
    );
    if (!unit) throw notFound('Compound');
    if (unit.kind !== 'COMPOUND') throw badInput('compoundId', 'must be a compound (小区)');
    if (unit.retired_at !== null) throw badInput('compoundId', 'the compound is retired and takes no registrations');
    // A number already registered there (a refused registration aside: its owner may try again).
    const [same] = await tem.execute<{ id: number }[]>(
      `select p.id from person p join person_role r on r.person_id = p.id
        where r.role = 'RESIDENT' and r.org_unit_id = ? and p.verification <> 'REJECTED'
          and regexp_replace(coalesce(p.phone, ''), '^(\\+86|0086)|[^0-9]', '', 'g') = ?
        limit 1`,
      [unit.id, phone],
    );
    if (same) throw badInput('phone', 'this number is already registered in the compound');
    let id: number;
    try {
      const [row] = await tem.execute<{ id: number }[]>(
        `insert into person (username, display_name, phone, password_hash, active, created_at, verification,
                             registered_at, address, language)
         values (?, ?, ?, ?, true, ?, 'PENDING', ?, ?, ?) returning id`,
        [username, displayName, phone, passwordHash, at, at, address, language],
      );
      id = (row as { id: number }).id;
    } catch (err) {
      // Someone took the username since it was checked.
      if (isUniqueViolation(err)) throw badInput('username', `"${username}" is taken: choose another`);
      throw err;
    }
    await tem.execute(
      `insert into person_role (person_id, role, org_unit_id, created_at) values (?, 'RESIDENT', ?, ?)`,
      [id, unit.id, at],
    );
    await recordChange(
      tem,
      {
        entityType: 'Person',
        entityId: id,
        action: 'REGISTER',
        actorId: id,
        data: { username, displayName, phone, address, compoundId: unit.id },
      },
      at,
    );
    return id;
  });
}

export interface VerifyResidentInput {
  personId: IdRef;
  approve: boolean;
  reason?: Maybe<string>;
}

/** The decisions on a registration: from PENDING either way, and a refusal may be reconsidered. */
const DECISIONS: Readonly<Record<PersonVerification, readonly PersonVerification[]>> = {
  PENDING: ['VERIFIED', 'REJECTED'],
  REJECTED: ['VERIFIED'],
  VERIFIED: [],
};

export class ResidentVerificationService extends ViewerService {
  /**
   * Verifies or refuses a registration, notifying the resident in the same transaction. Returns the person's id
   * and who was notified (to announce after the commit).
   */
  async verify(input: VerifyResidentInput): Promise<{ personId: number; notified: number[] }> {
    if (typeof input.approve !== 'boolean') throw badInput('approve', 'must be true or false');
    const reason = optionalText('reason', input.reason, MAX_REASON);
    if (!input.approve && reason === null) throw badInput('reason', 'required when refusing a registration');
    const personId = requiredRef(input.personId, 'Person');
    const to: PersonVerification = input.approve ? 'VERIFIED' : 'REJECTED';
    return this.em.transactional(async (em) => {
      const person = await lockPerson(em, personId);
      const roles = person ? await heldRoles(em, person.id) : [];
      const home = roles.find((r) => r.role === 'RESIDENT');
      // Whom the viewer may not look up as staff is someone they do not see (organisation.policy.ts).
      if (!person || !home || !seesPerson(this.viewer, roles)) throw notFound('Person');
      if (!mayVerify(this.viewer, home.path)) {
        throw forbidden('Only grid workers and secretaries whose area holds the compound verify its residents');
      }
      if (!DECISIONS[person.verification].includes(to)) {
        throw invalidTransition(
          `${person.displayName} is ${person.verification}: the registration cannot become ${to}`,
        );
      }
      const at = this.now();
      await em.execute('update person set verification = ? where id = ?', [to, person.id]);
      await this.recordChange(em, 'Person', person.id, input.approve ? 'VERIFY' : 'REJECT', at, {
        from: person.verification,
        to,
        reason,
        compoundId: home.unitId,
      });
      const [unit] = await em.execute<{ name: string; name_zh: string }[]>(
        'select name, name_zh from org_unit where id = ?',
        [home.unitId],
      );
      const notified = await insertNotifications(
        em,
        {
          recipientIds: [person.id],
          kind: 'VERIFICATION',
          key: input.approve ? 'verification.approved' : 'verification.rejected',
          params: { unitName: unit?.name, unitNameZh: unit?.name_zh, reason },
          dedupeKey: `verification:${person.id}:${to}:${at.getTime()}`,
        },
        at,
      );
      return { personId: person.id, notified };
    });
  }
}
