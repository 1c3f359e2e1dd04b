/**
 * The hall's display screen: no resident's name anywhere in its page, and after its connection is cut by
 * a server restart it catches up by itself with what happened meanwhile. Also takes the dashboard's picture.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot, signIn } from './support/browser.ts';
import { api, apiLogin } from './support/server.ts';
import { e2eWorld } from './support/world.ts';

describe('the display screen', () => {
  const world = e2eWorld();
  let screen: Page;
  let hongshunId: string;

  beforeAll(async () => {
    const admin = await apiLogin(world.server.url, 'admin');
    const units = await api<{ orgUnits: { id: string; name: string }[] }>(
      world.server.url,
      '{ orgUnits(kind: COMMUNITY) { id name } }',
      {},
      admin,
    );
    hongshunId = units.orgUnits.find((u) => u.name.startsWith('Hongshun Road'))!.id;
    const context = await world.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
    screen = await context.newPage();
    await screen.goto(`${world.server.url}/screen/${hongshunId}`);
    await screen.fill('input[name="username"]', 'screen.hongshun');
    await screen.fill('input[name="password"]', 'wishgrid-demo');
    await screen.click('button[type="submit"]');
    await screen.waitForSelector('[data-testid="screen-live"][data-status="connected"]', { timeout: 20_000 });
    await screen.waitForSelector('[data-testid="screen-event"]');
  });

  it('shows no resident name anywhere in its page', async () => {
    const admin = await apiLogin(world.server.url, 'admin');
    const names = new Set<string>();
    for (let offset = 0; ; offset += 200) {
      const page = await api<{ personList: { totalCount: number; nodes: { displayName: string }[] } }>(
        world.server.url,
        'query($o: Int) { personList(filter: { role: RESIDENT }, offset: $o, limit: 200) { totalCount nodes { displayName } } }',
        { o: offset },
        admin,
      );
      for (const p of page.personList.nodes) names.add(p.displayName);
      if (offset + 200 >= page.personList.totalCount) break;
    }
    expect(names.size).toBeGreaterThan(100);
    const html = await screen.content();
    const text = await screen.locator('body').innerText();
    expect(text.length).toBeGreaterThan(200); // the board is really there
    const found = [...names].filter((n) => html.includes(n) || text.includes(n));
    expect(found).toEqual([]);
  });

  it('fits a wall screen without scrolling', async () => {
    const overflow = await screen.evaluate(() => ({
      x: document.documentElement.scrollWidth - window.innerWidth,
      y: document.documentElement.scrollHeight - window.innerHeight,
    }));
    expect(overflow.x).toBeLessThanOrEqual(0);
    expect(overflow.y).toBeLessThanOrEqual(0);
  });

  it('reconnects after a server restart and shows the changes made meanwhile', async () => {
    await world.server.stop();
    await screen.waitForSelector('[data-testid="screen-live"]:not([data-status="connected"])', { timeout: 10_000 });
    // While this server is down, another replica of the street's API takes the changes.
    const replica = await world.server.sibling();
    const resident = await api<{ login: { token: string } }>(
      replica.url,
      'mutation { login(username: "resident.wenxiangyuan.2", password: "wishgrid-demo") { token } }',
    );
    const title = `E2E 断线期间的心愿 ${Math.random().toString(36).slice(2, 6)}`;
    const created = await api<{ submitWish: { wish: { id: string } } }>(
      replica.url,
      'mutation($i: SubmitWishInput!) { submitWish(input: $i) { wish { id } } }',
      { i: { title, description: '单元门禁失灵', categoryCode: 'safety' } },
      resident.login.token,
    );
    const secretary = await api<{ login: { token: string } }>(
      replica.url,
      'mutation { login(username: "hongshun.secretary", password: "wishgrid-demo") { token } }',
    );
    await api(
      replica.url,
      'mutation($i: OpenWishForClaimInput!) { openWishForClaim(input: $i) { wish { id } } }',
      { i: { wishId: created.submitWish.wish.id } },
      secretary.login.token,
    );
    await world.server.restart();
    await screen.waitForSelector('[data-testid="screen-live"][data-status="connected"]', { timeout: 30_000 });
    await expect
      .poll(() => screen.locator('[data-testid="screen-event"]', { hasText: title }).count(), { timeout: 10_000 })
      .toBe(2);
    await expect
      .poll(() =>
        screen.locator('[data-testid="screen-event"][data-to-status="OPEN_FOR_CLAIM"]', { hasText: title }).count(),
      )
      .toBe(1);
  });

  it('the dashboard draws its charts for street staff', async () => {
    const admin = await signIn(world.browser, world.server.url, 'admin');
    await admin.page.goto(`${world.server.url}/admin/#/`);
    await admin.page.waitForSelector('svg');
    await expect.poll(() => admin.page.locator('svg rect').count(), { timeout: 10_000 }).toBeGreaterThan(5);
    await admin.page.waitForTimeout(500); // let the last card settle before the picture
    await screenshot(admin.page, 'dashboard');
    expect(admin.errors).toEqual([]);
    await admin.context.close();
  });
});
