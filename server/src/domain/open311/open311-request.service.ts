/**
 * A request POSTed over Open311 becomes a wish, listed through the wish service (same checks, same SUBMIT event,
 * published after commit) on behalf of the API key's channel, by the key's issuer, who must still be street staff.
 * The key's use is recorded in the same transaction (a change_event of the key naming the wish, its last use).
 *
 * Only the text of the request is kept: its first sentence becomes the title, all of it the description.
 * The requester's name, phone and e-mail (first_name, last_name, phone, email) are never stored: a resident's
 * contact belongs to their own account, which staff link in the panel when they know the person.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { loadViewer } from '../auth/auth.service.ts';
import { recordChange } from '../kernel/change-log.ts';
import { badInput, DomainError, forbidden, notFound } from '../kernel/errors.ts';
import { type IdRef, requiredRef, requiredText } from '../kernel/input.ts';
import type { Publish, PublishedWishEvent } from '../wishes/wish.events.ts';
import { WishService } from '../wishes/wish.service.ts';
import { type CompoundMatch, compoundByAddress, compoundById } from './open311.queries.ts';
import { managesOpen311Keys } from './open311-key.policy.ts';
import { keyByClearText, type Open311KeyRecord } from './open311-key.queries.ts';

/** As submitWish takes them. */
const MAX_DESCRIPTION = 4000;
const MAX_TITLE_CHARACTERS = 50;
const MAX_ADDRESS = 500;
const MAX_KEY = 200;

export interface Open311RequestInput {
  serviceCode: string | undefined;
  /** The compound's id (from its GraphQL ID); null: an ID that did not decode. */
  addressId: IdRef | undefined;
  /** The compound's name (unless address_id names it) and the address line: building, unit… */
  addressString: string | undefined;
  description: string | undefined;
}

/** GeoReport's parameter for each field the wish service names. */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  title: 'description',
  description: 'description',
  categoryCode: 'service_code',
  orgUnitId: 'address_id',
  address: 'address_string',
};

/** The first sentence of the first line, at most 50 characters (cut with "…"), without its final punctuation. */
export function titleOf(description: string): string {
  const line = description.trim().split(/\r?\n/)[0]?.trim() ?? '';
  const sentence = (/^(.+?)(?:[。！？!?；;]|\.(?:\s|$))/u.exec(line)?.[1] ?? line).trim();
  const chars = Array.from(sentence);
  return chars.length <= MAX_TITLE_CHARACTERS ? sentence : `${chars.slice(0, MAX_TITLE_CHARACTERS - 1).join('')}…`;
}

export class Open311RequestService {
  constructor(
    private readonly em: EntityManager,
    private readonly publish: Publish,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The key in use; UNAUTHENTICATED for none, FORBIDDEN for an unknown or revoked one. */
  async key(apiKey: string | undefined): Promise<Open311KeyRecord> {
    const clear = (apiKey ?? '').trim();
    if (clear === '') throw new DomainError('UNAUTHENTICATED', 'api_key: required to create a request');
    const key = clear.length <= MAX_KEY ? await keyByClearText(this.em, clear) : null;
    if (!key) throw forbidden('api_key: invalid');
    if (key.revokedAt !== null) throw forbidden('api_key: revoked');
    return key;
  }

  /** Lists the request as a wish; its id. */
  async create(key: Open311KeyRecord, input: Open311RequestInput): Promise<number> {
    if ((input.description ?? '').length > MAX_DESCRIPTION) {
      throw badInput('description', `must be at most ${MAX_DESCRIPTION} characters`);
    }
    const description = requiredText('description', input.description, MAX_DESCRIPTION);
    const serviceCode = requiredText('service_code', input.serviceCode, 50);
    const { compoundId, addressLine } = await this.compound(input);

    const issuer = await loadViewer(this.em, key.issuedById);
    const [person] = await this.em.execute<{ active: boolean }[]>('select active from person where id = ?', [
      key.issuedById,
    ]);
    if (!issuer || !person?.active || !managesOpen311Keys(issuer)) {
      throw forbidden('api_key: its issuer is no longer street staff; ask for a new key');
    }
    const events: PublishedWishEvent[] = [];
    const at = this.now();
    const wishId = await this.em
      .transactional(async (em) => {
        const wishes = new WishService(
          em,
          issuer,
          (e) => events.push(...e),
          () => at,
        );
        const id = await wishes.submit({
          title: titleOf(description),
          description,
          categoryCode: serviceCode,
          orgUnitId: compoundId,
          channel: key.channel,
          address: addressLine,
        });
        await em.execute('update open311_key set last_used_at = ? where id = ?', [at, key.id]);
        await recordChange(
          em,
          {
            entityType: 'Open311Key',
            entityId: key.id,
            action: 'LIST_WISH',
            actorId: issuer.personId,
            data: { wishId: id },
          },
          at,
        );
        return id;
      })
      .catch((err: unknown) => {
        throw renamedFields(err);
      });
    this.publish(events);
    return wishId;
  }

  /** Notes a read with the key (at most once a minute per key, so reads do not write on every call). */
  async noteUse(key: Open311KeyRecord): Promise<void> {
    const at = this.now();
    await this.em.execute(
      `update open311_key set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)`,
      [at, key.id, new Date(at.getTime() - 60_000)],
    );
  }

  /** The compound, by address_id or the name address_string begins with, and the address line after its name. */
  private async compound(input: Open311RequestInput): Promise<{ compoundId: number; addressLine: string | null }> {
    const address = (input.addressString ?? '').trim();
    if (address.length > MAX_ADDRESS) throw badInput('address_string', `must be at most ${MAX_ADDRESS} characters`);
    let compound: CompoundMatch | null;
    if (input.addressId !== undefined) {
      compound = await compoundById(this.em, requiredRef(input.addressId, 'Compound (address_id)'));
      if (!compound) throw notFound('Compound (address_id)');
    } else {
      if (address === '') throw badInput('address_id', 'name the compound with address_id or address_string');
      compound = await compoundByAddress(this.em, address);
      if (!compound) throw notFound('Compound named at the start of address_string');
    }
    return { compoundId: compound.id, addressLine: addressLine(address, compound) };
  }
}

/** What address_string says after the compound's name (the whole of it when it does not begin with the name). */
export function addressLine(address: string, compound: CompoundMatch): string | null {
  let rest = address;
  if (compound.nameZh !== '' && rest.startsWith(compound.nameZh)) rest = rest.slice(compound.nameZh.length);
  else if (compound.name !== '' && rest.toLowerCase().startsWith(compound.name.toLowerCase())) {
    rest = rest.slice(compound.name.length);
  }
  const line = rest.replace(/^[\s,，、;；:：\-–—]+/u, '').trim();
  return line === '' ? null : line;
}

/** The wish service's errors with GeoReport's parameter names ("categoryCode: …" → "service_code: …"). */
function renamedFields(err: unknown): unknown {
  if (!(err instanceof DomainError) || !err.field || !Object.hasOwn(FIELD_NAMES, err.field)) return err;
  const field = FIELD_NAMES[err.field] as string;
  const message = err.message.startsWith(`${err.field}: `) ? err.message.slice(err.field.length + 2) : err.message;
  return new DomainError(err.code, `${field}: ${message}`, field);
}
