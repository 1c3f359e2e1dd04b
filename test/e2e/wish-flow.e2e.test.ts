/**
 * The four-step loop in real browsers: a secretary dispatches, a party member accepts and resolves in a
 * second browser context, and the secretary's list and the hall's display screen follow each change live.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot, signIn } from './support/browser.ts';
import { api, apiLogin } from './support/server.ts';
import { e2eWorld } from './support/world.ts';

const LIVE_WITHIN_MS = 2_000;

describe('wishes in the panel and on the display screen', () => {
  const world = e2eWorld();
  let wishId: string;
  let title: string;
  let hongshunId: string;

  /** The status the secretary's list shows for our wish. */
  const rowStatus = (page: Page) =>
    page.locator('tbody tr', { hasText: title }).locator('[data-testid="wish-status"]').getAttribute('data-status');

  beforeAll(async () => {
    const resident = await apiLogin(world.server.url, 'resident.wenxiangyuan.1');
    title = `E2E 楼道灯不亮 ${Math.random().toString(36).slice(2, 6)}`;
    const submitted = await api<{ submitWish: { wish: { id: string } } }>(
      world.server.url,
      'mutation($i: SubmitWishInput!) { submitWish(input: $i) { wish { id } } }',
      { i: { title, description: '三单元二楼楼道灯坏了', categoryCode: 'street_lamps' } },
      resident,
    );
    wishId = submitted.submitWish.wish.id;
    const units = await api<{ orgUnits: { id: string; name: string }[] }>(
      world.server.url,
      '{ orgUnits(kind: COMMUNITY) { id name } }',
      {},
      resident,
    );
    hongshunId = units.orgUnits.find((u) => u.name.startsWith('Hongshun Road'))!.id;
  });

  it('dispatch, accept and resolve show on the list and the display screen within 2 seconds, without a reload', async () => {
    const secretary = await signIn(world.browser, world.server.url, 'hongshun.secretary');
    const list = secretary.page;
    await list.goto(`${world.server.url}/admin/#/wishes`);
    await list.waitForSelector(`tbody tr:has-text("${title}")`);
    expect(await rowStatus(list)).toBe('SUBMITTED');
    await list.waitForSelector('[data-testid="live-status"][data-status="connected"]');
    await screenshot(list, 'wish-list');

    // The display screen of the hall, signed in as its DISPLAY account.
    const screenContext = await world.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
    const screen = await screenContext.newPage();
    await screen.goto(`${world.server.url}/screen/${hongshunId}`);
    await screen.fill('input[name="username"]', 'screen.hongshun');
    await screen.fill('input[name="password"]', 'wishgrid-demo');
    await screen.click('button[type="submit"]');
    await screen.waitForSelector('[data-testid="screen-live"][data-status="connected"]', { timeout: 20_000 });
    /** The secretary's list and the display screen both show the wish reaching `status`, without a reload. */
    const followedLive = async (status: string) => {
      await expect.poll(() => rowStatus(list), { timeout: LIVE_WITHIN_MS, interval: 100 }).toBe(status);
      const events = screen.locator(`[data-testid="screen-event"][data-to-status="${status}"]`, { hasText: title });
      await expect.poll(() => events.count(), { timeout: LIVE_WITHIN_MS }).toBeGreaterThan(0);
    };

    // Dispatch from the wish's page in a second tab: the list in the first tab follows.
    const detail = await secretary.context.newPage();
    await detail.goto(`${world.server.url}/admin/#/wishes/${encodeURIComponent(wishId)}/show`);
    await detail.click('[data-testid="action-DISPATCH"]');
    const member = await api<{ me: { displayName: string } }>(
      world.server.url,
      '{ me { displayName } }',
      {},
      await apiLogin(world.server.url, 'member.wenxiangyuan.1'),
    );
    await detail.fill('[data-testid="assignee-input"]', member.me.displayName);
    await detail
      .getByRole('option', { name: new RegExp(member.me.displayName) })
      .first()
      .click();
    await detail.click('[data-testid="action-confirm"]');
    await detail.waitForSelector('[data-testid="wish-status"][data-status="DISPATCHED"]');
    await expect.poll(() => rowStatus(list), { timeout: LIVE_WITHIN_MS, interval: 100 }).toBe('DISPATCHED');
    await expect
      .poll(() => screen.locator('[data-testid="screen-event"]', { hasText: title }).count(), {
        timeout: LIVE_WITHIN_MS,
      })
      .toBeGreaterThan(0);

    // The party member, in a browser context of their own, accepts and resolves.
    const memberSession = await signIn(world.browser, world.server.url, 'member.wenxiangyuan.1');
    const mine = memberSession.page;
    await mine.goto(`${world.server.url}/admin/#/wishes/${encodeURIComponent(wishId)}/show`);
    await mine.click('[data-testid="action-ACCEPT"]');
    await mine.waitForSelector('[data-testid="wish-status"][data-status="ACCEPTED"]');
    await followedLive('ACCEPTED');

    await mine.click('[data-testid="action-RESOLVE"]');
    await mine.fill('[data-testid="action-text"]', '已更换灯泡');
    await mine.click('[data-testid="action-confirm"]');
    await mine.waitForSelector('[data-testid="wish-status"][data-status="RESOLVED"]');
    await followedLive('RESOLVED');
    await screenshot(mine, 'wish-page');
    await screenshot(screen, 'display-screen');

    // The secretary's own page of the wish shows the whole history.
    await detail.reload();
    await detail.waitForSelector('[data-testid="timeline-event"]');
    expect(await detail.locator('[data-testid="timeline-event"]').count()).toBe(4);
    // A coordination meeting recorded from the page appears on it.
    await detail.click('[data-testid="record-meeting"]');
    await detail.getByLabel('参会人员').fill('王润梅、物业经理、党员代表');
    await detail.getByLabel('协调结果').fill('增设12个车位');
    await detail.getByRole('button', { name: '保存' }).click();
    await detail.getByText('增设12个车位').waitFor({ timeout: 5000 });
    expect(secretary.errors).toEqual([]);
    expect(memberSession.errors).toEqual([]);
    await screenContext.close();
    await memberSession.context.close();
    await secretary.context.close();
  });

  it('financial.secretary sees no Hongshun Road wish, and their counts exclude them', async () => {
    const financial = await signIn(world.browser, world.server.url, 'financial.secretary');
    const page = financial.page;
    await page.goto(`${world.server.url}/admin/#/wishes`);
    await page.waitForSelector('[data-testid="tab-count-ALL"]');
    const token = await apiLogin(world.server.url, 'financial.secretary');
    const expected = await api<{ wishes: { totalCount: number } }>(
      world.server.url,
      '{ wishes(first: 1) { totalCount } }',
      {},
      token,
    );
    await expect
      .poll(() => page.locator('[data-testid="tab-count-ALL"]').getAttribute('data-count'))
      .toBe(String(expected.wishes.totalCount));
    // Hongshun Road's compounds never appear, on any page of the list.
    const hongshunCompounds = await api<{ orgUnits: { nameZh: string }[] }>(
      world.server.url,
      'query($p: ID) { orgUnits(kind: COMPOUND, parentId: $p) { nameZh } }',
      { p: hongshunId },
      token,
    );
    const names = hongshunCompounds.orgUnits.map((u) => u.nameZh);
    const text = await page.locator('tbody').innerText();
    for (const name of names) expect(text).not.toContain(name);
    expect(text).not.toContain(title);
    // Even by its address, the Hongshun wish is not there.
    await page.goto(`${world.server.url}/admin/#/wishes/${encodeURIComponent(wishId)}/show`);
    await expect
      .poll(async () => (await page.locator('body').innerText()).includes(title), { timeout: 3000 })
      .toBe(false);
    await financial.context.close();
  });
});
