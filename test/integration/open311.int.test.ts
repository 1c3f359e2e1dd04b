/**
 * Open311 GeoReport v2 at /open311/v2/ over real HTTP: every endpoint in the specification's shape, in JSON and in
 * well-formed XML holding the same data; honest states; no personal data; POST through API keys that street staff
 * issue and revoke; errors as GeoReport's `[{ code, description }]`; a rate limit per key shared by replicas.
 */
import { describe, expect } from 'vitest';
import { loadConfig } from '../../server/src/config.ts';
import { type Harness, startHarness, subscribe } from '../support/harness.ts';
import { harnessTest } from '../support/harness-test.ts';
import { REDIS_URL } from '../support/redis.ts';

/** This file's server: reads and writes without the rate limit (one test runs two replicas with a low one). */
const it = harnessTest.override('harnessOptions', {
  config: { rateLimits: { ...loadConfig({}).rateLimits, open311PerMinute: 100_000 } },
});

const DEMO_KEY = 'wishgrid-demo-hotline';
const BASE = '/open311/v2';

interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

async function call(h: Harness, path: string, init: RequestInit = {}): Promise<Answer> {
  const res = await fetch(`${h.url}${BASE}/${path}`, init);
  return { status: res.status, headers: res.headers, text: await res.text() };
}

const json = async (h: Harness, path: string, init?: RequestInit) => {
  const a = await call(h, path, init);
  return { ...a, body: JSON.parse(a.text) };
};

/** POSTs form-encoded parameters to requests.json (or .xml). */
function post(h: Harness, params: Record<string, string>, format: 'json' | 'xml' = 'json') {
  return call(h, `requests.${format}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params).toString(),
  });
}

// ---- A strict reader of the XML the server writes (elements and escaped text only), to check it is well-formed
// ---- and holds the same data as the JSON.

type Xml = { name: string; children: Xml[] | null; text: string };

function parseXml(source: string): Xml {
  const declaration = '<?xml version="1.0" encoding="utf-8"?>\n';
  expect(source.startsWith(declaration)).toBe(true);
  let i = declaration.length;
  const name = () => {
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i));
    if (!m) throw new Error(`XML: a name expected at ${i}`);
    i += m[0].length;
    return m[0];
  };
  const expectText = (s: string) => {
    if (!source.startsWith(s, i)) throw new Error(`XML: "${s}" expected at ${i}: ${source.slice(i, i + 40)}`);
    i += s.length;
  };
  const element = (): Xml => {
    expectText('<');
    const tag = name();
    expectText('>');
    let node: Xml;
    if (source.startsWith('<', i) && !source.startsWith('</', i)) {
      const children: Xml[] = [];
      while (!source.startsWith('</', i)) children.push(element());
      node = { name: tag, children, text: '' };
    } else {
      const end = source.indexOf('<', i);
      const raw = source.slice(i, end);
      if (!/^(?:[^<&]|&(?:amp|lt|gt|quot|apos);)*$/.test(raw)) throw new Error(`XML: bad text ${raw.slice(0, 40)}`);
      // Characters XML 1.0 cannot hold.
      if ([...raw].some((c) => c.charCodeAt(0) < 0x20 && !'\t\n\r'.includes(c))) {
        throw new Error('XML: a control character');
      }
      const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
      i = end;
      node = { name: tag, children: null, text: raw.replace(/&(\w+);/g, (_m, e: string) => entities[e] as string) };
    }
    expectText(`</${tag}>`);
    return node;
  };
  const root = element();
  expect(i).toBe(source.length);
  return root;
}

const LISTS = new Set(['services', 'service_requests', 'errors', 'endpoints', 'formats', 'attributes']);

/** The XML as the JSON value it stands for (text for every scalar; a list by its list element's name). */
function xmlValue(node: Xml): unknown {
  if (LISTS.has(node.name)) return (node.children ?? []).map(xmlValue);
  if (node.children === null) return node.text;
  return Object.fromEntries(node.children.map((c) => [c.name, xmlValue(c)]));
}

/** JSON as the XML writes it: every scalar as text, null as empty text. */
function asText(value: unknown): unknown {
  if (value === null) return '';
  if (Array.isArray(value)) return value.map(asText);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asText(v)]));
  return String(value);
}

/** The same document as JSON and as XML: the XML is well-formed, has the root element and holds the same data. */
async function bothFormats(h: Harness, path: string, root: string, init?: RequestInit) {
  const j = await call(h, `${path}.json`, init);
  const x = await call(h, `${path}.xml`, init);
  expect(j.headers.get('content-type')).toMatch(/^application\/json/);
  expect(x.headers.get('content-type')).toMatch(/^text\/xml/);
  const body = JSON.parse(j.text);
  const xml = parseXml(x.text);
  expect(xml.name).toBe(root);
  expect(xmlValue(xml)).toEqual(asText(body));
  return { json: body, xml: x.text, status: [j.status, x.status] };
}

// ---- GeoReport v2's fields and their types.

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
type Check = (v: unknown) => boolean;
const str: Check = (v) => typeof v === 'string' && v.length > 0;
const optStr: Check = (v) => v === null || typeof v === 'string';
const iso: Check = (v) => typeof v === 'string' && ISO.test(v);
const optIso: Check = (v) => v === null || iso(v);

/** GeoReport v2's fields of each object: required ones must be there, the others may be; nothing else. */
const SPEC: Record<string, { required: Record<string, Check>; optional: Record<string, Check> }> = {
  service: {
    required: {
      service_code: str,
      service_name: str,
      metadata: (v) => typeof v === 'boolean',
      type: (v) => v === 'realtime' || v === 'batch' || v === 'blackbox',
    },
    optional: { description: optStr, keywords: optStr, group: optStr },
  },
  request: {
    required: {
      service_request_id: str,
      status: (v) => v === 'open' || v === 'closed',
      requested_datetime: iso,
    },
    optional: {
      status_notes: optStr,
      service_name: optStr,
      service_code: optStr,
      description: optStr,
      agency_responsible: optStr,
      service_notice: optStr,
      updated_datetime: optIso,
      expected_datetime: optIso,
      address: optStr,
      address_id: optStr,
      zipcode: optStr,
      lat: (v) => typeof v === 'number',
      long: (v) => typeof v === 'number',
      media_url: optStr,
    },
  },
  created: {
    required: {},
    optional: { service_request_id: str, token: str, service_notice: optStr, account_id: optStr },
  },
  error: { required: { code: (v) => Number.isInteger(v), description: str }, optional: {} },
};

function conforms(kind: keyof typeof SPEC, object: Record<string, unknown>): void {
  const spec = SPEC[kind] as (typeof SPEC)[string];
  for (const [field, check] of Object.entries(spec.required)) {
    expect(check(object[field]), `${kind}.${field} = ${JSON.stringify(object[field])}`).toBe(true);
  }
  for (const [field, value] of Object.entries(object)) {
    const check = spec.required[field] ?? spec.optional[field];
    expect(check, `${kind}.${field} is not a GeoReport v2 field`).toBeDefined();
    expect(check?.(value), `${kind}.${field} = ${JSON.stringify(value)}`).toBe(true);
  }
}

/** An error answer: the status, and GeoReport's `[{ code, description }]` with that code, in JSON or XML. */
function expectError(answer: Answer, status: number, description?: RegExp): string {
  expect(answer.status, answer.text).toBe(status);
  let errors: Record<string, unknown>[];
  if (answer.headers.get('content-type')?.startsWith('text/xml')) {
    const xml = parseXml(answer.text);
    expect(xml.name).toBe('errors');
    errors = (xmlValue(xml) as Record<string, string>[]).map((e) => ({ ...e, code: Number(e.code) }));
  } else {
    errors = JSON.parse(answer.text);
  }
  expect(Array.isArray(errors) && errors.length).toBeGreaterThan(0);
  for (const e of errors) conforms('error', e);
  expect(errors[0]?.code).toBe(status);
  if (description) expect(errors[0]?.description).toMatch(description);
  return errors[0]?.description as string;
}

const ISSUE = `mutation($input: IssueOpen311KeyInput!) {
  issueOpen311Key(input: $input) { apiKey key { id label channel hint active issuedBy { username } } }
}`;
const REVOKE = `mutation($input: RevokeOpen311KeyInput!) { revokeOpen311Key(input: $input) { key { id active revokedAt } } }`;
const KEYS = '{ open311Keys { id label channel hint active lastUsedAt revokedAt } }';

describe('Open311 GeoReport v2: reads', () => {
  it('answers discovery in JSON and XML with this endpoint and both formats', async ({ h }) => {
    const { json: d } = await bothFormats(h, 'discovery', 'discovery');
    expect(d.endpoints).toHaveLength(1);
    expect(d.endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      url: `${h.url}/open311/v2`,
      type: 'production',
    });
    expect(d.endpoints[0].formats).toEqual(['text/xml', 'application/json']);
    expect(d.changeset).toMatch(ISO);
  });

  it('lists the active categories as services, in Chinese by default and in English on request', async ({ h }) => {
    const { json: services } = await bothFormats(h, 'services', 'services');
    const { rows } = await h.db.query(
      'select code, name_zh, name_en from wish_category where active order by sort_order, id',
    );
    expect(services.map((s: { service_code: string }) => s.service_code)).toEqual(rows.map((r) => r.code));
    for (const s of services) conforms('service', s);
    expect(services[0]).toMatchObject({ service_name: rows[0].name_zh, metadata: false, type: 'realtime' });
    const en = await json(h, 'services.json?locale=en');
    expect(en.body[0].service_name).toBe(rows[0].name_en);
    expect(en.headers.get('content-language')).toBe('en');
    const byHeader = await json(h, 'services.json', { headers: { 'accept-language': 'en-GB,en;q=0.9,zh;q=0.5' } });
    expect(byHeader.body[0].service_name).toBe(rows[0].name_en);
    const zhPreferred = await json(h, 'services.json', { headers: { 'accept-language': 'en;q=0.4,zh-CN' } });
    expect(zhPreferred.body[0].service_name).toBe(rows[0].name_zh);

    const { json: definition } = await bothFormats(h, `services/${rows[0].code}`, 'service_definition');
    expect(definition).toEqual({ service_code: rows[0].code, attributes: [] });
    expectError(await call(h, 'services/no_such_service.json'), 404, /unknown service/);
    expectError(await call(h, 'services/no_such_service.xml'), 404, /unknown service/);
  });

  it('lists requests in the GeoReport shape, newest first, within the window, filtered by service and status', async ({
    h,
  }) => {
    const { json: all } = await bothFormats(h, 'requests', 'service_requests');
    expect(all.length).toBeGreaterThan(10);
    expect(all.length).toBeLessThanOrEqual(1000);
    for (const r of all) conforms('request', r);
    const times = all.map((r: { requested_datetime: string }) => Date.parse(r.requested_datetime));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    // The default window: the last 90 days.
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.now() - 90 * 86_400_000 - 60_000);
    const { rows } = await h.db.query(
      `select count(*)::int as n from wish where created_at >= now() - interval '90 days'`,
    );
    expect(all.length).toBe(Math.min(rows[0].n, 1000));

    const code = all[0].service_code as string;
    const closed = await json(h, `requests.json?service_code=${code}&status=closed`);
    expect(closed.body.length).toBeGreaterThan(0);
    for (const r of closed.body) expect(r).toMatchObject({ service_code: code, status: 'closed' });
    const open = await json(h, 'requests.json?status=open');
    for (const r of open.body) expect(r.status).toBe('open');
    expect(open.body.length + (await json(h, 'requests.json?status=closed')).body.length).toBe(all.length);

    // A window of dates: only requests listed within it.
    const from = new Date(Date.now() - 20 * 86_400_000);
    const to = new Date(Date.now() - 10 * 86_400_000);
    const windowed = await json(
      h,
      `requests.json?start_date=${encodeURIComponent(from.toISOString())}&end_date=${encodeURIComponent(to.toISOString())}`,
    );
    const { rows: inWindow } = await h.db.query(
      'select count(*)::int as n from wish where created_at >= $1 and created_at <= $2',
      [from, to],
    );
    expect(windowed.body.length).toBe(inWindow[0].n);
    for (const r of windowed.body) {
      const at = Date.parse(r.requested_datetime);
      expect(at >= from.getTime() - 1000 && at <= to.getTime()).toBe(true);
    }
    // A "+" left unencoded in the query string (a space) still reads as the zone.
    const plus = await json(h, 'requests.json?start_date=2026-01-01T00:00:00+08:00&end_date=2026-02-01T00:00:00+08:00');
    expect(plus.status).toBe(200);

    // One request, in both formats, equal to its entry in the list.
    const { json: one } = await bothFormats(h, `requests/${all[0].service_request_id}`, 'service_requests');
    expect(one).toEqual([all[0]]);
    const several = await json(
      h,
      `requests.json?service_request_id=${all[0].service_request_id},${all[1].service_request_id},nonsense&status=closed`,
    );
    expect(several.body.map((r: { service_request_id: string }) => r.service_request_id).sort()).toEqual(
      [all[0].service_request_id, all[1].service_request_id].sort(),
    );
    expectError(await call(h, 'requests/nonsense.json'), 404, /no request/);
    expectError(await call(h, 'requests/nonsense.xml'), 404, /no request/);
  });

  it('refuses bad parameters with GeoReport errors (400), unknown endpoints (404) and other methods (405)', async ({
    h,
  }) => {
    for (const bad of [
      'start_date=yesterday',
      'start_date=2026-02-30T00:00:00Z',
      'end_date=2026-11-30',
      'start_date=2026-11-30T25:00:00Z',
      'start_date=2026-11-30T08:00:00',
      'start_date=99999-01-01T00:00:00Z',
    ]) {
      if (bad === 'end_date=2026-11-30') continue; // a date alone is read as 00:00 street time (allowed)
      expectError(await call(h, `requests.json?${bad}`), 400, /start_date|end_date/);
    }
    expect((await call(h, 'requests.json?end_date=2026-11-30')).status).toBe(200);
    expectError(
      await call(h, 'requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z'),
      400,
      /90 days/,
    );
    expectError(
      await call(h, 'requests.json?start_date=2026-06-01T00:00:00Z&end_date=2026-01-01T00:00:00Z'),
      400,
      /start_date/,
    );
    expectError(await call(h, 'requests.xml?status=pending'), 400, /status/);
    expectError(await call(h, 'requests.json?service_code=no_such_service'), 400, /service_code/);
    expectError(await call(h, 'requests.json?locale=%00'), 400, /control characters/);
    expectError(await call(h, 'nothing.json'), 404);
    expectError(await call(h, 'discovery/x.json'), 404);
    expectError(await call(h, 'requests.html'), 404);
    const put = await call(h, 'services.json', { method: 'POST' });
    expectError(put, 405);
    expect(put.headers.get('allow')).toBe('GET, HEAD');
    const options = await call(h, 'requests.json', { method: 'OPTIONS' });
    expect(options.status).toBe(204);
    expect(options.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('Open311 GeoReport v2: honest states', () => {
  const request = async (h: Harness, id: string, locale = 'zh') =>
    (await json(h, `requests/${id}.json?locale=${locale}`)).body[0];

  it('reports a new wish open, a rejected one closed but never fixed, a reopened one open again', async ({
    h,
    world: w,
  }) => {
    const fresh = await w.submit('resident.wenxiangyuan.1');
    expect(await request(h, fresh.id)).toMatchObject({
      status: 'open',
      status_notes: 'SUBMITTED · 已受理，待分派',
      agency_responsible: '文香苑',
      address: '文香苑',
    });

    const rejected = await w.submit('resident.wenxiangyuan.1');
    await w.ok('hongshun.secretary', 'rejectWish', { wishId: rejected.id, reason: '不属于受理范围' });
    const r = await request(h, rejected.id);
    expect(r).toMatchObject({ status: 'closed', status_notes: 'REJECTED · 已驳回，未办理' });
    expect(r.status_notes).not.toMatch(/办结/);
    expect((await request(h, rejected.id, 'en')).status_notes).toBe('REJECTED · rejected: not done');

    const reopened = await w.submit('resident.wenxiangyuan.1');
    await w.dispatchAccepted('hongshun.secretary', reopened.id, 'member.wenxiangyuan.1');
    await w.ok('member.wenxiangyuan.1', 'resolveWish', { wishId: reopened.id, note: '已修好' });
    // Resolved but not yet evaluated: still open (the resident may reopen it).
    expect(await request(h, reopened.id)).toMatchObject({
      status: 'open',
      status_notes: 'RESOLVED · 已办理，待居民评价',
    });
    await w.ok('resident.wenxiangyuan.1', 'evaluateWish', { wishId: reopened.id, rating: 1 });
    expect(await request(h, reopened.id)).toMatchObject({
      status: 'open',
      status_notes: 'SUBMITTED · 已受理，待分派 · 曾重新打开 1 次',
    });
    expect((await request(h, reopened.id, 'en')).status_notes).toBe(
      'SUBMITTED · received, awaiting dispatch · reopened 1 time',
    );

    await w.dispatchAccepted('hongshun.secretary', reopened.id, 'member.wenxiangyuan.1');
    await w.ok('member.wenxiangyuan.1', 'resolveWish', { wishId: reopened.id, note: '这次修好了' });
    await w.ok('resident.wenxiangyuan.1', 'evaluateWish', { wishId: reopened.id, rating: 5 });
    const closed = await request(h, reopened.id);
    expect(closed).toMatchObject({ status: 'closed', status_notes: 'CLOSED · 已办结（居民已评价） · 曾重新打开 1 次' });
    expect(Date.parse(closed.updated_datetime)).toBeGreaterThanOrEqual(Date.parse(closed.requested_datetime));

    // Every state of the demo data maps the same way.
    const { body: all } = await json(h, 'requests.json');
    const { rows } = await h.db.query(`select id, status from wish where created_at >= now() - interval '90 days'`);
    const states = new Map(rows.map((row) => [row.id as number, row.status as string]));
    for (const req of all) {
      const id = Number(Buffer.from(req.service_request_id, 'base64url').toString().split(':')[1]);
      const state = states.get(id) as string;
      expect(req.status_notes.startsWith(`${state} · `)).toBe(true);
      expect(req.status).toBe(['CLOSED', 'REJECTED', 'CANCELLED'].includes(state) ? 'closed' : 'open');
    }
  });
});

describe('Open311 GeoReport v2: no personal data', () => {
  it("never shows a resident's name, phone, a title or a description, in any answer or format", async ({
    h,
    world: w,
  }) => {
    const secret = '王秀英家门口下水道堵了，电话13912345678';
    const wish = await w.submit('resident.wenxiangyuan.2', { title: '王秀英反映下水道堵塞', description: secret });
    const { rows: people } = await h.db.query(
      `select p.display_name, p.phone from person p where p.username = 'resident.wenxiangyuan.2'`,
    );
    const created = await post(h, {
      api_key: DEMO_KEY,
      service_code: 'repairs',
      address_string: '文香苑 5号楼',
      description: '5号楼电梯不运行。来电人李建国，电话13800001111',
      first_name: '建国',
      last_name: '李',
      phone: '13800001111',
      email: 'lijianguo@example.com',
    });
    expect(created.status, created.text).toBe(201);
    const createdId = JSON.parse(created.text)[0].service_request_id as string;

    const answers: string[] = [created.text];
    for (const path of [
      'requests.json',
      'requests.xml',
      'requests.json?status=open&locale=en',
      `requests/${wish.id}.json`,
      `requests/${wish.id}.xml`,
      `requests/${createdId}.json`,
      `requests/${createdId}.xml`,
      'services.json',
      'services.xml',
    ]) {
      const a = await call(h, path);
      expect(a.status).toBe(200);
      answers.push(a.text);
    }
    expect(answers[1]).toContain(wish.id);
    // The resident's, the POSTed caller's and every seeded resident whose wish is listed: none appears.
    const { rows: listed } = await h.db.query(
      `select distinct p.display_name, p.phone from wish x join person p on p.id = x.resident_id
        where x.created_at >= now() - interval '90 days'`,
    );
    const forbidden = [
      people[0].display_name,
      people[0].phone,
      '王秀英',
      '13912345678',
      '李建国',
      '13800001111',
      'lijianguo',
      '下水道',
      '电梯不运行',
      ...listed.flatMap((p) => [p.display_name, p.phone]),
    ].filter((s): s is string => typeof s === 'string' && s.length >= 2);
    for (const text of answers) for (const s of forbidden) expect(text).not.toContain(s);
    // Nor was the caller's name or e-mail stored anywhere with the wish.
    const { rows: stored } = await h.db.query(
      `select x.resident_id, x.address, (select count(*)::int from person where phone = '13800001111') as people
         from wish x where x.id = $1`,
      [Number(Buffer.from(createdId, 'base64url').toString().split(':')[1])],
    );
    expect(stored[0]).toEqual({ resident_id: null, address: '5号楼', people: 0 });
  });
});

describe('Open311 GeoReport v2: creating requests', () => {
  const wishOf = async (h: Harness, serviceRequestId: string) => {
    const id = Number(Buffer.from(serviceRequestId, 'base64url').toString().split(':')[1]);
    const { rows } = await h.db.query(
      `select x.id, x.title, x.description, x.channel, x.status, x.address, x.resident_id, c.name_zh as compound,
              k.code as category, p.username as listed_by,
              (select count(*)::int from wish_event e where e.wish_id = x.id and e.action = 'SUBMIT') as submits
         from wish x join org_unit c on c.id = x.compound_id join wish_category k on k.id = x.category_id
         join person p on p.id = x.listed_by_id where x.id = $1`,
      [id],
    );
    return rows[0];
  };

  it('lists a HOTLINE wish by address_id, with its SUBMIT event, live on the screen', async ({ h, world: w }) => {
    const screen = h.ws(await w.token('screen.hongshun'));
    const live = subscribe(
      screen,
      'subscription($u: ID, $a: Int) { wishEvents(orgUnitId: $u, afterSequence: $a) { action wish { id status } } }',
      { u: w.unit('Hongshun Road'), a: await h.lastSequence() },
    );
    const description = '3号楼楼道灯不亮。晚上出入很不方便，老人容易摔倒。\n请尽快处理';
    const answer = await post(h, {
      api_key: DEMO_KEY,
      service_code: 'repairs',
      address_id: w.unit('Wenxiangyuan'),
      description,
      lat: '37.03',
      long: '111.91',
      attribute_unknown: 'ignored',
    });
    expect(answer.status, answer.text).toBe(201);
    const created = JSON.parse(answer.text);
    expect(created).toHaveLength(1);
    conforms('created', created[0]);
    expect(created[0].service_notice).toMatch(/^已受理，由文香苑办理/);

    const wish = await wishOf(h, created[0].service_request_id);
    expect(wish).toMatchObject({
      title: '3号楼楼道灯不亮',
      description,
      channel: 'HOTLINE',
      status: 'SUBMITTED',
      compound: '文香苑',
      category: 'repairs',
      listed_by: 'admin',
      resident_id: null,
      address: null,
      submits: 1,
    });
    const [event] = await live.next(1);
    expect(event.wishEvents).toMatchObject({ action: 'SUBMIT', wish: { id: created[0].service_request_id } });
    await screen.dispose();

    // In the panel (GraphQL) as a HOTLINE wish, and its key's use is recorded with it.
    const panel = await w.as('admin', 'query($id: ID!) { wish(id: $id) { channel status compound { name } } }', {
      id: created[0].service_request_id,
    });
    expect(panel.data.wish).toMatchObject({ channel: 'HOTLINE', status: 'SUBMITTED' });
    const { rows: uses } = await h.db.query(
      `select c.action, c.data, k.last_used_at from change_event c join open311_key k on k.id = c.entity_id
        where c.entity_type = 'Open311Key' and c.action = 'LIST_WISH' and (c.data->>'wishId')::int = $1`,
      [wish.id],
    );
    expect(uses).toHaveLength(1);
    expect(uses[0].last_used_at).not.toBeNull();
    // The XML answer of a POST has the same shape.
    const xml = await post(
      h,
      { api_key: DEMO_KEY, service_code: 'repairs', address_id: w.unit('Wenxiangyuan'), description: '单元门禁坏了' },
      'xml',
    );
    expect(xml.status).toBe(201);
    const doc = parseXml(xml.text);
    expect(doc.name).toBe('service_requests');
    conforms('created', (xmlValue(doc) as Record<string, unknown>[])[0] as Record<string, unknown>);
  });

  it('finds the compound at the start of address_string, by its Chinese or English name (form or JSON)', async ({
    h,
  }) => {
    const zh = await post(h, {
      api_key: DEMO_KEY,
      service_code: 'repairs',
      address_string: '文香苑，3号楼2单元',
      description: '楼道扶手松动',
    });
    expect(zh.status, zh.text).toBe(201);
    const zhWish = await wishOf(h, JSON.parse(zh.text)[0].service_request_id);
    expect(zhWish).toMatchObject({
      compound: '文香苑',
      address: '3号楼2单元',
      title: '楼道扶手松动',
      channel: 'HOTLINE',
    });
    const read = await json(h, `requests/${JSON.parse(zh.text)[0].service_request_id}.json`);
    expect(read.body[0].address).toBe('文香苑 3号楼2单元');

    const { rows } = await h.db.query(`select name from org_unit where name_zh = '文香苑'`);
    const en = await call(h, 'requests.json', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        api_key: DEMO_KEY,
        service_code: 'repairs',
        address_string: `${rows[0].name.toUpperCase()} Building 7`,
        description: 'The gate of building 7 does not close. It bangs all night.',
        unknown_key: { nested: true, but: 'ignored' }.but,
      }),
    });
    expect(en.status, en.text).toBe(201);
    expect(await wishOf(h, JSON.parse(en.text)[0].service_request_id)).toMatchObject({
      compound: '文香苑',
      address: 'Building 7',
      title: 'The gate of building 7 does not close',
    });
  });

  it('refuses in GeoReport shape: no key, an unknown or revoked key, unknown service or compound', async ({
    h,
    world: w,
  }) => {
    const base = { service_code: 'repairs', address_string: '文香苑', description: '路灯坏了' };
    const before = (await h.db.query('select count(*)::int as n from wish')).rows[0].n;
    expectError(await post(h, base), 403, /api_key/);
    expectError(await post(h, base, 'xml'), 403, /api_key/);
    expectError(await post(h, { ...base, api_key: 'wg311_not-a-key' }), 403, /api_key: invalid/);
    expectError(await post(h, { ...base, api_key: DEMO_KEY, service_code: 'no_such' }), 400, /service_code/);
    expectError(await post(h, { ...base, api_key: DEMO_KEY, service_code: '' }), 400, /service_code/);
    expectError(await post(h, { ...base, api_key: DEMO_KEY, address_string: '不存在的小区 1号楼' }), 404, /Compound/);
    expectError(await post(h, { ...base, api_key: DEMO_KEY, address_string: '', address_id: 'bm9wZQ' }), 404);
    expectError(
      await post(h, { ...base, api_key: DEMO_KEY, address_string: '', address_id: w.unit('Hongshun Road') }),
      404,
      /Compound/,
    );
    expectError(await post(h, { ...base, api_key: DEMO_KEY, address_string: '' }), 400, /address_id/);
    expectError(await post(h, { ...base, api_key: DEMO_KEY, address_string: '', lat: '37', long: '111' }), 400, /map/);
    expectError(await post(h, { ...base, api_key: DEMO_KEY, description: '' }), 400, /description/);
    expectError(await post(h, { ...base, api_key: DEMO_KEY, description: 'x'.repeat(4001) }), 400, /description/);
    expectError(await post(h, { ...base, api_key: DEMO_KEY, description: 'a\u0000b' }), 400, /control/);
    expectError(
      await post(h, { ...base, api_key: DEMO_KEY, address_string: `文香苑 ${'楼'.repeat(120)}` }),
      400,
      /address_string/,
    );

    // A key street staff issue works at once; revoked, it is refused with 403.
    const issued = await w.as('admin', ISSUE, { input: { label: '测试系统', channel: 'WALK_IN' } });
    expect(issued.errors).toBeUndefined();
    const { apiKey, key } = issued.data.issueOpen311Key;
    expect(apiKey).toMatch(/^wg311_[A-Za-z0-9_-]{32}$/);
    expect(key).toMatchObject({ label: '测试系统', channel: 'WALK_IN', active: true, hint: apiKey.slice(0, 10) });
    const ok = await post(h, { ...base, api_key: apiKey });
    expect(ok.status).toBe(201);
    expect((await wishOf(h, JSON.parse(ok.text)[0].service_request_id)).channel).toBe('WALK_IN');
    const revoked = await w.as('admin', REVOKE, { input: { keyId: key.id } });
    expect(revoked.data.revokeOpen311Key.key).toMatchObject({ id: key.id, active: false });
    expectError(await post(h, { ...base, api_key: apiKey }), 403, /revoked/);
    expectError(await call(h, `requests.json?api_key=${apiKey}`), 403, /revoked/);
    const after = (await h.db.query('select count(*)::int as n from wish')).rows[0].n;
    expect(after).toBe(before + 1);
  });

  it('never answers 500, whatever the body: huge, not UTF-8, not JSON, nested, of another type', async ({ h }) => {
    const send = (body: BodyInit, type?: string) =>
      call(h, 'requests.json', { method: 'POST', headers: type ? { 'content-type': type } : {}, body });
    expectError(await send('description='.padEnd(200_000, 'x'), 'application/x-www-form-urlencoded'), 413);
    expectError(
      await send(new Uint8Array([0x61, 0x3d, 0xff, 0xfe, 0xc3]), 'application/x-www-form-urlencoded'),
      400,
      /UTF-8/,
    );
    expectError(await send('{"api_key":', 'application/json'), 400, /JSON/);
    expectError(await send('[1,2]', 'application/json'), 400, /JSON object/);
    expectError(
      await send(JSON.stringify({ api_key: DEMO_KEY, description: { a: 1 } }), 'application/json'),
      400,
      /description/,
    );
    expectError(await send('<request/>', 'text/xml'), 400, /form-urlencoded/);
    const weird = [
      'api_key=%ZZ&description=%E4%B8',
      `api_key=${DEMO_KEY}&service_code=repairs&address_string=%E6%96%87%E9%A6%99%E8%8B%91&description=%ED%A0%80`,
      `api_key=${DEMO_KEY}&service_code=${'x'.repeat(30_000)}`,
      `api_key=${'k'.repeat(5000)}`,
      `api_key=${DEMO_KEY}&address_id=${'A'.repeat(300)}&service_code=repairs&description=x`,
      `api_key=${DEMO_KEY}&service_code=repairs&address_string=%25&description=x`,
      `api_key=${DEMO_KEY}&service_code=__proto__&address_string=constructor&description=x`,
      '&&&==&',
    ];
    for (const body of weird) {
      const a = await send(body, 'application/x-www-form-urlencoded');
      expect(a.status, `${body.slice(0, 60)} → ${a.text}`).toBeLessThan(500);
      if (a.status !== 201) expectError(a, a.status);
    }
    for (const path of [
      'requests/%E0%A4%A.json',
      'requests/..%2F..%2Fetc.json',
      `requests.json?service_request_id=${'a,'.repeat(200)}`,
      `requests.json?service_code=${encodeURIComponent("' or 1=1 --")}`,
      'services/%00.json',
      'requests.json?start_date=%ED%A0%80',
    ]) {
      const a = await call(h, path);
      expect(a.status, `${path} → ${a.text}`).toBeLessThan(500);
      if (a.status >= 400) expectError(a, a.status);
    }
  });
});

describe('Open311 keys in GraphQL', () => {
  it('lets street staff list, issue and revoke keys with a change-log row each; others may not', async ({
    h,
    world: w,
  }) => {
    const list = await w.as('admin', KEYS);
    expect(list.errors).toBeUndefined();
    expect(list.data.open311Keys).toContainEqual(
      expect.objectContaining({ channel: 'HOTLINE', hint: DEMO_KEY.slice(0, 10), active: true }),
    );
    // The clear key is never readable again, and only its hash is stored.
    expect(JSON.stringify(list.data)).not.toContain(DEMO_KEY);
    const { rows: hashes } = await h.db.query('select key_hash from open311_key');
    for (const r of hashes) expect(r.key_hash).toMatch(/^[0-9a-f]{64}$/);

    const refused = await w.as('hongshun.secretary', KEYS);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const refusedIssue = await w.as('hongshun.secretary', ISSUE, { input: { label: 'x', channel: 'HOTLINE' } });
    expect(refusedIssue.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const blank = await w.as('admin', ISSUE, { input: { label: '  ', channel: 'HOTLINE' } });
    expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'label' });

    const issued = (await w.as('admin', ISSUE, { input: { label: '网格 App', channel: 'GRID_VISIT' } })).data
      .issueOpen311Key;
    const id = Number(Buffer.from(issued.key.id, 'base64url').toString().split(':')[1]);
    const again = await w.as('admin', REVOKE, { input: { keyId: issued.key.id } });
    expect(again.errors).toBeUndefined();
    const twice = await w.as('admin', REVOKE, { input: { keyId: issued.key.id } });
    expect(twice.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
    const missing = await w.as('admin', REVOKE, { input: { keyId: 'bm9wZQ' } });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const { rows } = await h.db.query(
      `select c.action, p.username from change_event c join person p on p.id = c.actor_id
        where c.entity_type = 'Open311Key' and c.entity_id = $1 order by c.sequence`,
      [id],
    );
    expect(rows).toEqual([
      { action: 'ISSUE', username: 'admin' },
      { action: 'REVOKE', username: 'admin' },
    ]);
    const listed = (await w.as('admin', KEYS)).data.open311Keys;
    // Keys in use first.
    const firstRevoked = listed.findIndex((k: { active: boolean }) => !k.active);
    expect(listed.slice(firstRevoked).every((k: { active: boolean }) => !k.active)).toBe(true);
  });
});

describe('Open311 rate limit', () => {
  it('limits each key per minute across two replicas sharing Redis: 429 with Retry-After, other keys unaffected', async ({
    h,
    world: w,
  }) => {
    const databaseName = new URL(h.databaseUrl).pathname.slice(1);
    const config = { rateLimits: { ...loadConfig({}).rateLimits, open311PerMinute: 3 } };
    const a = await startHarness({ databaseName, redisUrl: REDIS_URL, config });
    const b = await startHarness({ databaseName, redisUrl: REDIS_URL, config });
    try {
      const issued = (await w.as('admin', ISSUE, { input: { label: '限流测试', channel: 'HOTLINE' } })).data
        .issueOpen311Key;
      const other = (await w.as('admin', ISSUE, { input: { label: '限流测试 2', channel: 'HOTLINE' } })).data
        .issueOpen311Key;
      const statuses: number[] = [];
      for (const replica of [a, b, a])
        statuses.push((await call(replica, `services.json?api_key=${issued.apiKey}`)).status);
      expect(statuses).toEqual([200, 200, 200]);
      const refused = await call(b, `requests.json?api_key=${issued.apiKey}`);
      expectError(refused, 429, /Too many requests/);
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      const refusedPost = await post(
        a,
        {
          api_key: issued.apiKey,
          service_code: 'repairs',
          address_string: '文香苑',
          description: '限流',
        },
        'xml',
      );
      expectError(refusedPost, 429);
      expect((await call(a, `services.json?api_key=${other.apiKey}`)).status).toBe(200);
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});
