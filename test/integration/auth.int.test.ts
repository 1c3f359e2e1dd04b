/** Login, tokens and their refusals over HTTP and WebSocket. */
import { describe, expect } from 'vitest';
import { closeCode, subscribe } from '../support/harness.ts';
import { harnessTest as it } from '../support/harness-test.ts';
import { wishTablesDigest } from '../support/tables.ts';

const LOGIN =
  'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token expiresAt user { displayName } } }';

describe('authentication', () => {
  it('logs in with the demo password and stores only a hash of the token and a scrypt hash of the password', async ({
    h,
  }) => {
    const res = await h.gql(LOGIN, { u: 'admin', p: 'wishgrid-demo' });
    expect(res.errors).toBeUndefined();
    const { token, expiresAt } = res.data.login;
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now());
    const { rows } = await h.db.query('select token_hash from auth_session');
    expect(rows.map((r) => r.token_hash)).not.toContain(token);
    const hashes = await h.db.query("select password_hash from person where username = 'admin'");
    expect(hashes.rows[0].password_hash).toMatch(/^scrypt\$/);
  });

  it('refuses a wrong password or an unknown user with the same UNAUTHENTICATED error', async ({ h }) => {
    const wrong = await h.gql(LOGIN, { u: 'admin', p: 'nope' });
    const unknown = await h.gql(LOGIN, { u: 'nobody', p: 'nope' });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(unknown.errors?.[0]?.message).toBe(wrong.errors?.[0]?.message);
    const empty = await h.gql(LOGIN, { u: '', p: 'x' });
    expect(empty.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a missing, malformed, unknown or expired token before anything else, writing nothing', async ({
    h,
    world: w,
  }) => {
    const submit = `mutation { submitWish(input: { title: "t", description: "d", categoryCode: "repairs" }) { wish { id } } }`;
    const before = await wishTablesDigest(h);
    const token = await w.token('resident.wenxiangyuan.1');
    await h.db.query(
      "update auth_session set expires_at = now() - interval '1 minute' where token_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex')",
      [token],
    );
    for (const header of [null, 'Bearer', 'Basic abc', `Bearer ${'x'.repeat(43)}`, `Bearer ${token}`]) {
      const res = await fetch(`${h.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(header ? { authorization: header } : {}) },
        body: JSON.stringify({ query: submit }),
      });
      const body = (await res.json()) as any;
      expect(body.errors?.[0]?.extensions?.code, String(header)).toBe('UNAUTHENTICATED');
      expect(body.data ?? null).toBeNull();
    }
    const expired = await h.gql('{ me { id } }', {}, token);
    expect(expired.errors?.[0]?.message).toMatch(/expired/);
    expect(await wishTablesDigest(h)).toBe(before);
  });

  it('says UNAUTHENTICATED before it says the document is invalid', async ({ h, world: w }) => {
    const res = await h.gql('{ noSuchField }');
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const authed = await h.gql('{ noSuchField }', {}, await w.token('admin'));
    expect(authed.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('logout revokes the token', async ({ h }) => {
    const res = await h.gql(LOGIN, { u: 'member.wenxiangyuan.4', p: 'wishgrid-demo' });
    const token = res.data.login.token;
    expect((await h.gql('mutation { logout }', {}, token)).data.logout).toBe(true);
    expect((await h.gql('{ me { id } }', {}, token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('closes a WebSocket whose connection_init has no valid token with 4403', async ({ h }) => {
    for (const params of [{}, { authorization: 'Bearer nonsense-token-value-xxxxxxxx' }]) {
      const { code } = await closeCode(h.url, (socket) =>
        socket.send(JSON.stringify({ type: 'connection_init', payload: params })),
      );
      expect(code).toBe(4403);
    }
  });

  it('runs WebSocket operations through the same validation as HTTP', async ({ h, world: w }) => {
    const client = h.ws(await w.token('admin'));
    const bad = subscribe(client, 'subscription { wishEvents { nope } }');
    await bad.until(() => bad.errors.length > 0, 5000, 'a validation error');
    expect(JSON.stringify(bad.errors)).toContain('GRAPHQL_VALIDATION_FAILED');
    const query = subscribe(client, '{ me { displayName } }');
    await query.until(() => query.items.length > 0 || query.errors.length > 0, 5000, 'a query result');
    expect(query.items[0]).toEqual({ me: { displayName: expect.any(String) } });
    await client.dispose();
  });

  it('gives display screens long-lived tokens that renew as they are used, and nobody else', async ({ h }) => {
    const screen = await h.gql(LOGIN, { u: 'screen.hongshun', p: 'wishgrid-demo' });
    const days = (iso: string) => (new Date(iso).getTime() - Date.now()) / 86_400_000;
    expect(days(screen.data.login.expiresAt)).toBeGreaterThan(29);
    const staff = await h.gql(LOGIN, { u: 'hongshun.secretary', p: 'wishgrid-demo' });
    expect(days(staff.data.login.expiresAt)).toBeLessThan(1);
    const hash = "encode(sha256(convert_to($1, 'UTF8')), 'hex')";
    for (const t of [screen.data.login.token, staff.data.login.token]) {
      await h.db.query(`update auth_session set expires_at = now() + interval '1 hour' where token_hash = ${hash}`, [
        t,
      ]);
      expect((await h.gql('{ me { id } }', {}, t)).errors).toBeUndefined();
    }
    const expiry = async (t: string) =>
      (await h.db.query(`select expires_at from auth_session where token_hash = ${hash}`, [t])).rows[0]
        .expires_at as Date;
    expect((new Date(await expiry(screen.data.login.token)).getTime() - Date.now()) / 86_400_000).toBeGreaterThan(29);
    expect((new Date(await expiry(staff.data.login.token)).getTime() - Date.now()) / 3_600_000).toBeLessThan(1.01);
  });
});
