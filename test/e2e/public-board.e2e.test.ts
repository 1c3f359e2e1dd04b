/**
 * The public board at /public/<orgUnitId>: no login, on a phone (390 px) and a desktop (1440 px), no person's name
 * and no wish title anywhere in the page, refreshed every minute, and gone when the street switches it off.
 */
import path from 'node:path';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, screenshot } from './support/browser.ts';
import { api, apiLogin } from './support/server.ts';
import { e2eWorld } from './support/world.ts';

describe('the public board', () => {
  const world = e2eWorld();
  let streetId: string;
  let hongshunId: string;

  beforeAll(async () => {
    const admin = await apiLogin(world.server.url, 'admin');
    const units = await api<{ orgUnits: { id: string; name: string; kind: string }[] }>(
      world.server.url,
      '{ orgUnits { id name kind } }',
      {},
      admin,
    );
    streetId = units.orgUnits.find((u) => u.kind === 'STREET')!.id;
    hongshunId = units.orgUnits.find((u) => u.name.startsWith('Hongshun Road'))!.id;
  });

  async function open(width: number, height: number, unitId: string, clock = false) {
    const context = await world.browser.newContext({ viewport: { width, height }, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    if (clock) await page.clock.install();
    await page.goto(`${world.server.url}/public/${unitId}`);
    await page.waitForSelector('[data-testid="public-board"]', { timeout: 20_000 });
    return { context, page, errors };
  }

  async function publicFigures() {
    return (
      await api<{ publicBoard: { openNow: number; resolvedThisMonth: number; branches: unknown[] } }>(
        world.server.url,
        'query($u: ID!) { publicBoard(orgUnitId: $u) { openNow resolvedThisMonth branches { resolved } } }',
        { u: streetId },
      )
    ).publicBoard;
  }

  const noSideways = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  it('shows the street’s figures on a phone without a login, in Chinese, without scrolling sideways', async () => {
    const { context, page, errors } = await open(390, 844, streetId);
    const figures = await publicFigures();
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.textContent('[data-testid="public-open-value"]')).toBe(String(figures.openNow));
    expect(await page.textContent('[data-testid="public-resolved-value"]')).toBe(String(figures.resolvedThisMonth));
    expect(await page.locator('[data-testid="public-branch"]').count()).toBe(figures.branches.length);
    await expect.poll(() => page.locator('body').innerText()).toContain('各支部成效');
    expect(await noSideways(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'public-board-phone');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'public-board-phone-full.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lays the figures out in one row on a desktop and names no person and no wish', async () => {
    const { context, page, errors } = await open(1440, 900, streetId);
    const tops = await page
      .locator('.figure')
      .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
    expect(tops).toHaveLength(4);
    expect(new Set(tops).size).toBe(1);
    expect(await noSideways(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'public-board-desktop');

    const db = new pg.Client({ connectionString: world.server.databaseUrl });
    await db.connect();
    const people = (await db.query<{ n: string }>('select display_name as n from person')).rows.map((r) => r.n);
    const titles = (await db.query<{ t: string }>('select distinct title as t from wish')).rows.map((r) => r.t);
    await db.end();
    expect(people.length).toBeGreaterThan(100);
    const html = await page.content();
    const text = await page.locator('body').innerText();
    expect(text.length).toBeGreaterThan(50);
    expect(people.filter((n) => html.includes(n) || text.includes(n))).toEqual([]);
    expect(titles.filter((t) => html.includes(t) || text.includes(t))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refreshes itself every minute', async () => {
    const { context, page } = await open(390, 844, hongshunId, true);
    const before = Number(await page.textContent('[data-testid="public-open-value"]'));
    const resident = await apiLogin(world.server.url, 'resident.wenxiangyuan.1');
    await api(
      world.server.url,
      'mutation($i: SubmitWishInput!) { submitWish(input: $i) { wish { id } } }',
      { i: { title: '公开栏刷新测试', description: '', categoryCode: 'other' } },
      resident,
    );
    // Not before the minute is up…
    await page.clock.runFor(30_000);
    expect(Number(await page.textContent('[data-testid="public-open-value"]'))).toBe(before);
    // …and then by itself.
    await page.clock.runFor(31_000);
    await expect
      .poll(async () => Number(await page.textContent('[data-testid="public-open-value"]')), { timeout: 10_000 })
      .toBe(before + 1);
    await context.close();
  });

  it('says the board is not open when the street switched it off', async () => {
    const admin = await apiLogin(world.server.url, 'admin');
    const set = 'mutation($s: ID!, $e: Boolean!) { setPublicBoardEnabled(streetId: $s, enabled: $e) { enabled } }';
    await api(world.server.url, set, { s: streetId, e: false }, admin);
    const context = await world.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${world.server.url}/public/${hongshunId}`);
    await page.waitForSelector('[data-testid="public-unavailable"][data-reason="NOT_FOUND"]', { timeout: 20_000 });
    expect(await page.locator('body').innerText()).toContain('暂未开放');
    await api(world.server.url, set, { s: streetId, e: true }, admin);
    await context.close();
  });
});
