/**
 * The documents of each Open311 endpoint, from the domain's public reads (domain/open311/open311.queries.ts):
 * what the parameters mean, the bounds, and the mapping of categories to services and wishes to requests.
 *
 * - `requests` lists the wishes listed (`requested_datetime`) between `start_date` and `end_date` (ISO 8601 with a
 *   time zone, or a date, read as 00:00 street time); without them the last 90 days; a span of at most 90 days.
 *   At most 1,000 requests, newest first: for more, ask again with `end_date` before the oldest one returned.
 *   `service_request_id` (up to 100, comma-separated) returns those requests whatever the other parameters say.
 * - A request carries no description, title or person: personal data is never exported. `address` is the
 *   compound's name (in the response's language) with the wish's address line; `agency_responsible` the unit
 *   handling it now; `expected_datetime` its due date; no `lat`/`long` (the street keeps none).
 * - Services are the active categories; `services/{code}` answers for any category, active or not (old requests
 *   name inactive ones). No service takes attributes (`metadata` false).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../domain/kernel/errors.ts';
import {
  activeServices,
  type PublicWishRecord,
  publicWishes,
  type ServiceRecord,
  searchPublicWishes,
  serviceByCode,
} from '../../domain/open311/open311.queries.ts';
import {
  type Open311Locale,
  type Open311Status,
  open311Status,
  statesOf,
  statusNotes,
} from '../../domain/open311/open311.states.ts';
import type { Open311KeyRecord } from '../../domain/open311/open311-key.queries.ts';
import type { Open311RequestService } from '../../domain/open311/open311-request.service.ts';
import { WISH_STATUSES } from '../../entities/wish.entity.ts';
import { decodeId, encodeId } from '../../graphql/ids.ts';
import type { GeoValue } from './georeport-format.ts';
import { Open311Error, type Params } from './open311.params.ts';

export type Endpoint = 'discovery' | 'services' | 'service' | 'requests' | 'request';

/** The longest span of `start_date`..`end_date`, and the window without them. */
export const MAX_SPAN_DAYS = 90;
/** The most requests one `requests` answer lists. */
export const MAX_REQUESTS = 1000;
const MAX_IDS = 100;
const DAY_MS = 86_400_000;
/** When this interface last changed (discovery's changeset). */
const CHANGESET = '2026-12-01T00:00:00+08:00';
const STREET_OFFSET_MS = 8 * 3_600_000;

/** An instant as ISO 8601 in street time (UTC+08:00), as GeoReport's examples write them. */
export function streetIso(at: Date): string {
  return `${new Date(at.getTime() + STREET_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** An ISO 8601 date-time with a zone, or a date (00:00 street time); 400 naming the parameter otherwise. */
export function parseDate(name: string, value: string): Date {
  // A "+" written unencoded in a query string arrives as a space.
  const text = value.trim().replace(/ (\d{2}:?\d{2})$/, '+$1');
  const refuse = () =>
    new Open311Error(400, `${name}: must be an ISO 8601 date-time with a time zone (e.g. 2026-11-30T08:00:00+08:00)`);
  const date = DATE_ONLY.exec(text);
  const time = date ? null : DATE_TIME.exec(text);
  const parts = date ?? time;
  if (!parts) throw refuse();
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const [hour, minute, second] = time ? [Number(time[4]), Number(time[5]), Number(time[6] ?? 0)] : [0, 0, 0];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > daysInMonth) throw refuse();
  if (hour > 23 || minute > 59 || second > 59) throw refuse();
  if (date) return new Date(Date.UTC(year, month - 1, day) - STREET_OFFSET_MS);
  const zone = (time?.[8] ?? 'Z').replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  if (zone !== 'Z' && (Number(zone.slice(1, 3)) > 14 || Number(zone.slice(4, 6)) > 59)) throw refuse();
  const at = new Date(`${text.slice(0, text.length - (time?.[8] ?? '').length)}${zone}`);
  if (Number.isNaN(at.getTime())) throw refuse();
  return at;
}

/** The response's language: `locale` if given, else Accept-Language's preference between English and Chinese. */
export function localeOf(param: string | undefined, acceptLanguage: string | undefined): Open311Locale {
  if (param !== undefined) return /^en\b/i.test(param.trim()) ? 'en' : 'zh';
  let best: { locale: Open311Locale; q: number } | null = null;
  for (const part of (acceptLanguage ?? '').split(',').slice(0, 20)) {
    const [tag, ...options] = part.trim().split(';');
    const locale = /^en\b/i.test(tag ?? '') ? 'en' : /^zh\b/i.test(tag ?? '') ? 'zh' : null;
    if (!locale) continue;
    const qOption = options.map((o) => o.trim()).find((o) => o.startsWith('q='));
    const q = qOption ? Number(qOption.slice(2)) : 1;
    if (Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { locale, q };
  }
  return best?.locale ?? 'zh';
}

const LEVEL_WORDS: Record<Open311Locale, Record<string, string>> = {
  zh: { COMPOUND: '小区', COMMUNITY: '社区', STREET: '街道' },
  en: { COMPOUND: 'compound', COMMUNITY: 'community', STREET: 'street' },
};

export class Open311Documents {
  readonly locale: Open311Locale;

  constructor(
    private readonly em: EntityManager,
    private readonly params: Params,
    private readonly options: { baseUrl: string | null; acceptLanguage?: string },
  ) {
    this.locale = localeOf(params.text('locale'), options.acceptLanguage);
  }

  get contentLanguage(): string {
    return this.locale === 'en' ? 'en' : 'zh-CN';
  }

  read(endpoint: Endpoint, id: string | undefined): Promise<GeoValue> | GeoValue {
    switch (endpoint) {
      case 'discovery':
        return this.discovery();
      case 'services':
        return this.services();
      case 'service':
        return this.service(id ?? '');
      case 'requests':
        return this.requests();
      case 'request':
        return this.request(id ?? '');
    }
  }

  /** POST requests: the wish listed, as GeoReport's creation answer. */
  async create(service: Open311RequestService, key: Open311KeyRecord): Promise<GeoValue> {
    const p = this.params;
    const addressId = p.text('address_id');
    const addressString = p.text('address_string');
    if (addressId === undefined && addressString === undefined && (p.text('lat') || p.text('long'))) {
      throw badInput('address_id', 'this server has no map: name the compound with address_id or address_string');
    }
    const wishId = await service.create(key, {
      serviceCode: p.text('service_code'),
      addressId: addressId === undefined ? undefined : decodeId('OrgUnit', addressId.trim()),
      addressString,
      description: p.text('description'),
    });
    const [wish] = await publicWishes(this.em, [wishId]);
    return [
      {
        service_request_id: encodeId('Wish', wishId),
        service_notice: wish ? this.notice(wish) : null,
        account_id: null,
      },
    ];
  }

  private notice(wish: PublicWishRecord): string {
    const unit = this.name(wish.handlingUnitName, wish.handlingUnitNameZh);
    const due = wish.dueAt ? streetIso(wish.dueAt).slice(0, 10) : null;
    if (this.locale === 'en') return `Received: ${unit} handles it${due ? `, due ${due}` : ''}.`;
    return `已受理，由${unit}办理${due ? `，预计 ${due} 前办结` : ''}。`;
  }

  private name(en: string, zh: string): string {
    return this.locale === 'en' ? en : zh || en;
  }

  private discovery(): GeoValue {
    const url = `${this.options.baseUrl ?? ''}/open311/v2`;
    const zh = this.locale === 'zh';
    return {
      changeset: CHANGESET,
      contact: zh ? '西关街道办事处（请通过街道工作人员联系）' : 'Xiguan Street office (through the street staff)',
      key_service: zh
        ? 'API 密钥由街道工作人员在管理后台签发（Open311 密钥页面）'
        : 'API keys are issued by street staff in the staff panel (the Open311 keys page)',
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url,
          changeset: CHANGESET,
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ],
    };
  }

  private serviceOf(s: ServiceRecord): GeoValue {
    const level = LEVEL_WORDS[this.locale][s.defaultLevel] ?? s.defaultLevel;
    return {
      service_code: s.code,
      service_name: this.name(s.nameEn, s.nameZh),
      description:
        this.locale === 'en'
          ? `Handled first by the ${level}; target: done within ${s.dueInDays} days`
          : `默认由${level}办理，目标 ${s.dueInDays} 天内办结`,
      metadata: false,
      type: 'realtime',
      keywords: [s.nameZh, s.nameEn].filter((n) => n !== '').join(','),
      group: level,
    };
  }

  private async services(): Promise<GeoValue> {
    return (await activeServices(this.em)).map((s) => this.serviceOf(s));
  }

  private async service(code: string): Promise<GeoValue> {
    const service = code.length <= 50 ? await serviceByCode(this.em, code) : null;
    if (!service) throw new Open311Error(404, `service_code: unknown service "${code.slice(0, 50)}"`);
    return { service_code: service.code, attributes: [] };
  }

  private async request(id: string): Promise<GeoValue> {
    const wishId = decodeId('Wish', id);
    const [wish] = wishId === null ? [] : await publicWishes(this.em, [wishId]);
    if (!wish) throw new Open311Error(404, `service_request_id: no request "${id.slice(0, 64)}"`);
    return [this.requestOf(wish)];
  }

  private async requests(): Promise<GeoValue> {
    const p = this.params;
    const ids = p.list('service_request_id', MAX_IDS);
    if (ids) {
      const wishIds = ids.map((id) => decodeId('Wish', id)).filter((id): id is number => id !== null);
      return (await publicWishes(this.em, wishIds)).map((w) => this.requestOf(w));
    }
    const codes = p.list('service_code', 50);
    if (codes) {
      for (const code of codes) {
        if (code.length > 50 || !(await serviceByCode(this.em, code))) {
          throw new Open311Error(400, `service_code: unknown service "${code.slice(0, 50)}"`);
        }
      }
    }
    const statuses = p.list('status', 2);
    for (const s of statuses ?? []) {
      if (s !== 'open' && s !== 'closed') throw new Open311Error(400, 'status: must be open or closed (or both)');
    }
    const { from, to } = this.window();
    const rows = await searchPublicWishes(this.em, {
      categoryCodes: codes,
      statuses: statuses?.flatMap((s) => statesOf(s as Open311Status, WISH_STATUSES)),
      from,
      to,
      limit: MAX_REQUESTS,
    });
    return rows.map((w) => this.requestOf(w));
  }

  /** `start_date`..`end_date`, or the window of MAX_SPAN_DAYS they leave open. */
  private window(): { from: Date; to: Date } {
    const start = this.params.text('start_date');
    const end = this.params.text('end_date');
    const span = MAX_SPAN_DAYS * DAY_MS;
    const from = start === undefined ? null : parseDate('start_date', start);
    const to = end === undefined ? null : parseDate('end_date', end);
    if (from && to) {
      if (from.getTime() > to.getTime()) throw new Open311Error(400, 'start_date: must not be after end_date');
      if (to.getTime() - from.getTime() > span) {
        throw new Open311Error(400, `end_date: at most ${MAX_SPAN_DAYS} days after start_date`);
      }
      return { from, to };
    }
    if (from) return { from, to: new Date(from.getTime() + span) };
    if (to) return { from: new Date(to.getTime() - span), to };
    const now = Date.now();
    return { from: new Date(now - span), to: new Date(now) };
  }

  private requestOf(w: PublicWishRecord): GeoValue {
    return {
      service_request_id: encodeId('Wish', w.id),
      status: open311Status(w.status),
      status_notes: statusNotes(w, this.locale),
      service_name: this.name(w.categoryNameEn, w.categoryNameZh),
      service_code: w.categoryCode,
      agency_responsible: this.name(w.handlingUnitName, w.handlingUnitNameZh),
      service_notice: null,
      requested_datetime: streetIso(w.createdAt),
      updated_datetime: streetIso(w.updatedAt),
      expected_datetime: w.dueAt ? streetIso(w.dueAt) : null,
      address: [this.name(w.compoundName, w.compoundNameZh), w.addressLine].filter((part) => part).join(' '),
      address_id: encodeId('OrgUnit', w.compoundId),
      zipcode: null,
    };
  }
}
