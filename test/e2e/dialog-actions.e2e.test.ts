/**
 * The panel's action buttons in a real browser: a form dialog (grant a role, the unit picked by name), a
 * confirmation (revoke it again; retire a unit the server refuses, with its message shown), a button
 * that acts at once (reactivate a category), and the check-in dialog of an activity whose page follows its
 * sign-ups live over the panel's one live connection.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type SignedIn, signIn } from './support/browser.ts';
import { api, apiLogin } from './support/server.ts';
import { e2eWorld } from './support/world.ts';

const PERSON = `query($q: String) { personList(filter: { q: $q }) { nodes { id roles { role orgUnit { nameZh } } } } }`;

/** react-admin's notification text, once it shows. */
async function notification(page: Page): Promise<string> {
  const message = page.locator('.MuiSnackbarContent-message').last();
  await message.waitFor({ timeout: 10_000 });
  return ((await message.textContent()) ?? '').trim();
}

describe('action dialogs in the panel', () => {
  const world = e2eWorld();
  let admin: SignedIn;
  let token: string;

  const rolesOf = async (username: string) => {
    const data = await api<{ personList: { nodes: { roles: { role: string; orgUnit: { nameZh: string } }[] }[] } }>(
      world.server.url,
      PERSON,
      { q: username },
      token,
    );
    return data.personList.nodes[0]?.roles.map((r) => `${r.role}@${r.orgUnit.nameZh}`) ?? [];
  };

  beforeAll(async () => {
    token = await apiLogin(world.server.url, 'admin');
    admin = await signIn(world.browser, world.server.url, 'admin');
  });

  it('grants a role at a unit picked by name, then revokes it after a confirmation', async () => {
    const { page } = admin;
    const person = await api<{ personList: { nodes: { id: string }[] } }>(
      world.server.url,
      PERSON,
      { q: 'resident.wenxiangyuan.3' },
      token,
    );
    await page.goto(`${world.server.url}/admin/#/people/${encodeURIComponent(person.personList.nodes[0]!.id)}/show`);
    await page.getByRole('button', { name: '授予角色' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: '角色' }).click();
    await page.getByRole('option', { name: '志愿者' }).click();
    const unit = dialog.getByRole('combobox', { name: '单位' });
    await unit.click();
    await unit.fill('文香苑');
    await page
      .getByRole('option', { name: /^文香苑/ })
      .first()
      .click();
    await dialog.getByRole('button', { name: '确认' }).click();
    await expect.poll(() => rolesOf('resident.wenxiangyuan.3'), { timeout: 10_000 }).toContain('VOLUNTEER@文香苑');
    await expect.poll(() => page.locator('main tr', { hasText: '志愿者' }).count(), { timeout: 10_000 }).toBe(1);

    await page.locator('main tr', { hasText: '志愿者' }).getByRole('button', { name: '撤销' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await expect.poll(() => rolesOf('resident.wenxiangyuan.3'), { timeout: 10_000 }).not.toContain('VOLUNTEER@文香苑');
    await expect.poll(() => page.locator('main tr', { hasText: '志愿者' }).count(), { timeout: 10_000 }).toBe(0);
    expect(admin.errors).toEqual([]);
  });

  it("shows the server's refusal to retire a unit that still has work, and keeps the unit", async () => {
    const { page } = admin;
    const units = await api<{ orgUnits: { id: string; name: string; retiredAt: string | null }[] }>(
      world.server.url,
      '{ orgUnits(kind: COMMUNITY) { id name retiredAt } }',
      {},
      token,
    );
    const hongshun = units.orgUnits.find((u) => u.name.startsWith('Hongshun Road'))!;
    await page.goto(`${world.server.url}/admin/#/orgUnits/${encodeURIComponent(hongshun.id)}/show`);
    await page.getByRole('button', { name: '撤销' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    expect((await notification(page)).length).toBeGreaterThan(0);
    const after = await api<{ orgUnit: { retiredAt: string | null } }>(
      world.server.url,
      'query($id: ID!) { orgUnit(id: $id) { retiredAt } }',
      { id: hongshun.id },
      token,
    );
    expect(after.orgUnit.retiredAt).toBeNull();
    expect(admin.errors).toEqual([]);
  });

  it('deactivates a category after a confirmation and reactivates it at once', async () => {
    const { page } = admin;
    const CATEGORY = '{ wishCategoryList(filter: { q: "street_lamps" }) { nodes { id code active } } }';
    const active = async () => {
      const data = await api<{ wishCategoryList: { nodes: { code: string; active: boolean }[] } }>(
        world.server.url,
        CATEGORY,
        {},
        token,
      );
      return data.wishCategoryList.nodes.find((c) => c.code === 'street_lamps')?.active;
    };
    const list = await api<{ wishCategoryList: { nodes: { id: string; code: string }[] } }>(
      world.server.url,
      CATEGORY,
      {},
      token,
    );
    const id = list.wishCategoryList.nodes.find((c) => c.code === 'street_lamps')!.id;
    await page.goto(`${world.server.url}/admin/#/wishCategories/${encodeURIComponent(id)}/show`);
    await page.getByRole('button', { name: '停用' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await expect.poll(active, { timeout: 10_000 }).toBe(false);
    await page.getByRole('button', { name: '重新启用' }).click();
    await expect.poll(active, { timeout: 10_000 }).toBe(true);
    await page.getByRole('button', { name: '停用' }).waitFor();
    expect(admin.errors).toEqual([]);
  });

  it('checks in someone who signed up while the page was open, and the counts follow live', async () => {
    const { page } = admin;
    const street = await api<{ orgUnits: { id: string }[] }>(
      world.server.url,
      '{ orgUnits(kind: STREET) { id } }',
      {},
      token,
    );
    const now = Date.now();
    const created = await api<{ createActivity: { activity: { id: string } } }>(
      world.server.url,
      'mutation($i: CreateActivityInput!) { createActivity(input: $i) { activity { id } } }',
      {
        i: {
          organizerId: street.orgUnits[0]!.id,
          title: `E2E 签到演练 ${Math.random().toString(36).slice(2, 6)}`,
          place: '西关街道党群服务中心',
          startsAt: new Date(now + 30 * 60_000).toISOString(),
          endsAt: new Date(now + 150 * 60_000).toISOString(),
          capacity: 10,
        },
      },
      token,
    );
    const activityId = created.createActivity.activity.id;
    await page.goto(`${world.server.url}/admin/#/activities/${encodeURIComponent(activityId)}/show`);
    await page.waitForSelector('[data-testid="activity-live-status"][data-status="connected"]', { timeout: 20_000 });
    await expect.poll(() => page.locator('[data-testid="activity-signed-up"]').textContent()).toBe('0 / 10');

    const member = await apiLogin(world.server.url, 'member.wenxiangyuan.1');
    const me = await api<{ me: { displayName: string } }>(world.server.url, '{ me { displayName } }', {}, member);
    await api(
      world.server.url,
      'mutation($i: SignUpForActivityInput!) { signUpForActivity(input: $i) { activity { id } } }',
      { i: { activityId } },
      member,
    );
    await expect
      .poll(() => page.locator('[data-testid="activity-signed-up"]').textContent(), { timeout: 5_000 })
      .toBe('1 / 10');

    await page.click('[data-testid="check-in"]');
    await page.click('[data-testid="check-in-person"]');
    await page.getByRole('option', { name: me.me.displayName }).click();
    await page.click('[data-testid="check-in-submit"]');
    await expect
      .poll(() => page.locator('[data-testid="activity-checked-in"]').textContent(), { timeout: 10_000 })
      .toBe('1');
    expect(admin.errors).toEqual([]);
  });
});
