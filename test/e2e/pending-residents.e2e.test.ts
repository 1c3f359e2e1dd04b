/**
 * 待审核居民 in a real browser: residents register through the API, the grid worker of their community approves
 * one and refuses another with a reason in the panel (the rows leave the list, the result is shown, the menu
 * badge counts down); the approved resident may then list a wish and the refused one is FORBIDDEN. A decision
 * someone else made meanwhile is told in Chinese, not as the server's English. A wish's address line shows in the
 * list (and is found by the list's search) and on the wish's page.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type SignedIn, screenshot, signIn } from './support/browser.ts';
import { api, apiLogin } from './support/server.ts';
import { e2eWorld } from './support/world.ts';

interface GqlResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** GraphQL over HTTP keeping the errors (the support helper throws on them). */
async function raw<T>(baseUrl: string, query: string, variables: Record<string, unknown>, token?: string) {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GqlResponse<T>;
}

const tag = Math.random().toString(36).slice(2, 6);
let serial = 0;

interface Registered {
  id: string;
  name: string;
  token: string;
}

/** Registers a resident of Wenxiangyuan as the app would, and signs them in. */
async function registerResident(baseUrl: string, compoundId: string, label: string): Promise<Registered> {
  serial += 1;
  const username = `e2e.${tag}.${serial}`;
  const name = `${label}${tag}`;
  const phone = `177${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const res = await raw<{ registerResident: { person: { id: string } } }>(
    baseUrl,
    'mutation($i: RegisterResidentInput!) { registerResident(input: $i) { person { id } } }',
    {
      i: {
        username,
        password: 'a-good-password',
        displayName: name,
        phone,
        compoundId,
        address: `5号楼1单元${300 + serial}`,
      },
    },
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  const login = await api<{ login: { token: string } }>(
    baseUrl,
    'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
    { u: username, p: 'a-good-password' },
  );
  return { id: res.data!.registerResident.person.id, name, token: login.login.token };
}

const SUBMIT = 'mutation($i: SubmitWishInput!) { submitWish(input: $i) { wish { id title address } } }';

const row = (page: Page, name: string) => page.locator('[data-testid="pending-resident-row"]', { hasText: name });
const badgeCount = async (page: Page) =>
  Number(await page.locator('[data-testid="pending-badge"]').first().getAttribute('data-count'));

describe('pending residents in the panel', () => {
  const world = e2eWorld();
  let compoundId: string;
  let grid: SignedIn;
  let approved: Registered;
  let refused: Registered;

  beforeAll(async () => {
    const admin = await apiLogin(world.server.url, 'admin');
    const units = await api<{ orgUnits: { id: string; name: string }[] }>(
      world.server.url,
      '{ orgUnits(kind: COMPOUND) { id name } }',
      {},
      admin,
    );
    compoundId = units.orgUnits.find((u) => u.name.startsWith('Wenxiangyuan'))!.id;
    approved = await registerResident(world.server.url, compoundId, '待审居民甲');
    refused = await registerResident(world.server.url, compoundId, '待审居民乙');
    grid = await signIn(world.browser, world.server.url, 'grid.hongshun');
  });

  it('a grid worker approves one registration and refuses another with a reason; the rows leave the list', async () => {
    const { page } = grid;
    await page.goto(`${world.server.url}/admin/#/pendingResidents`);
    await row(page, approved.name).waitFor();
    await row(page, refused.name).waitFor();
    // The row shows what the resident registered with.
    expect(await row(page, approved.name).textContent()).toContain('5号楼1单元');
    await expect.poll(() => badgeCount(page)).toBeGreaterThanOrEqual(2);
    const before = await badgeCount(page);
    await screenshot(page, 'pending-residents-1440');

    await row(page, approved.name).getByRole('button', { name: '通过' }).click();
    await page.locator('[data-testid="pending-outcome"]', { hasText: `已通过 ${approved.name} 的注册` }).waitFor();
    await row(page, approved.name).waitFor({ state: 'detached' });
    await expect.poll(() => badgeCount(page)).toBe(before - 1);

    // The phone layout: cards, the same actions.
    // (Reloaded as a phone would open it: resized in place, react-admin's menu would open as a drawer over it.)
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await row(page, refused.name).waitFor();
    await row(page, refused.name).getByRole('button', { name: '拒绝' }).click();
    const dialog = page.getByRole('dialog');
    const refuse = dialog.getByRole('button', { name: '拒绝' });
    // No reason, no refusal.
    expect(await refuse.isDisabled()).toBe(true);
    await dialog.locator('textarea[name="reason"]').fill('地址与小区登记不符，请到社区核实');
    await screenshot(page, 'pending-residents-refuse-390');
    await refuse.click();
    await page.locator('[data-testid="pending-outcome"]', { hasText: `已拒绝 ${refused.name} 的注册` }).waitFor();
    await row(page, refused.name).waitFor({ state: 'detached' });
    await screenshot(page, 'pending-residents-390');
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(grid.errors).toEqual([]);

    const states = await api<{ a: { verification: string }; b: { verification: string } }>(
      world.server.url,
      'query($a: ID!, $b: ID!) { a: person(id: $a) { verification } b: person(id: $b) { verification } }',
      { a: approved.id, b: refused.id },
      await apiLogin(world.server.url, 'admin'),
    );
    expect(states).toEqual({ a: { verification: 'VERIFIED' }, b: { verification: 'REJECTED' } });
  });

  it('the approved resident may list a wish and the refused one is FORBIDDEN', async () => {
    const wish = { title: `E2E 验证后点单 ${tag}`, description: '楼道灯坏了', categoryCode: 'street_lamps' };
    const ok = await raw<{ submitWish: { wish: { id: string } } }>(
      world.server.url,
      SUBMIT,
      { i: wish },
      approved.token,
    );
    expect(ok.errors).toBeUndefined();
    const no = await raw(world.server.url, SUBMIT, { i: wish }, refused.token);
    expect(no.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('tells in Chinese that a registration was decided meanwhile by someone else', async () => {
    const late = await registerResident(world.server.url, compoundId, '待审居民丙');
    const { page } = grid;
    await page.goto(`${world.server.url}/admin/#/pendingResidents`);
    await page.reload();
    await row(page, late.name).waitFor();
    // The compound's secretary approves first, through the API.
    await api(
      world.server.url,
      'mutation($i: VerifyResidentInput!) { verifyResident(input: $i) { person { id } } }',
      { i: { personId: late.id, approve: true } },
      await apiLogin(world.server.url, 'wenxiangyuan.secretary'),
    );
    await row(page, late.name).getByRole('button', { name: '通过' }).click();
    const outcome = page.locator('[data-testid="pending-outcome"]');
    await outcome.filter({ hasText: '该居民的注册已被处理' }).waitFor();
    expect(await outcome.textContent()).not.toMatch(/[A-Za-z]{4,}/);
    await row(page, late.name).waitFor({ state: 'detached' });
  });

  it('shows a wish’s address in the list, finds the wish by it, and shows it on the wish’s page', async () => {
    const address = `8号楼3单元${tag}室`;
    const title = `E2E 门口积水 ${tag}`;
    const res = await raw<{ submitWish: { wish: { id: string; address: string } } }>(
      world.server.url,
      SUBMIT,
      { i: { title, description: '下雨后单元门口积水', categoryCode: 'street_lamps', address } },
      approved.token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.submitWish.wish.address).toBe(address);
    const { page } = grid;
    await page.goto(`${world.server.url}/admin/#/wishes`);
    await page.locator('input[name="q"]').fill(address);
    const listed = page.locator('tbody tr', { hasText: title });
    await listed.waitFor();
    expect(await listed.textContent()).toContain(address);
    // Found by its address alone (the search is debounced).
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    await screenshot(page, 'wish-list-address');
    await listed.click();
    await page.getByTestId('wish-title').filter({ hasText: title }).waitFor();
    await page.getByText(address).first().waitFor();
    await screenshot(page, 'wish-address');
    expect(grid.errors).toEqual([]);
  });

  it('takes the address line in the form a grid worker lists a wish with', async () => {
    const address = `2号楼1单元${tag}号`;
    const title = `E2E 网格走访 ${tag}`;
    const { page } = grid;
    await page.goto(`${world.server.url}/admin/#/wishes/create`);
    await page.fill('input[name="title"]', title);
    await page.fill('input[name="address"]', address);
    await page.getByRole('combobox', { name: '类别' }).click();
    await page.getByRole('option', { name: '路灯照明' }).click();
    await page.getByRole('combobox', { name: '所属单位' }).fill('文香苑');
    await page.getByRole('option', { name: '文香苑' }).first().click();
    await screenshot(page, 'wish-create-address');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('wish-title').filter({ hasText: title }).waitFor();
    await page.getByText(address).first().waitFor();
    const stored = await api<{ wishList: { nodes: { title: string; address: string | null }[] } }>(
      world.server.url,
      'query($q: String!) { wishList(filter: { q: $q }) { nodes { title address } } }',
      { q: address },
      await apiLogin(world.server.url, 'grid.hongshun'),
    );
    expect(stored.wishList.nodes).toEqual([{ title, address }]);
    expect(grid.errors).toEqual([]);
  });
});
