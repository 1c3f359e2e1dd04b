/**
 * Monthly themes in a real browser: street staff fill a free month from the year view, the theme is still
 * there after a reload, and a second theme for the same month is refused with the server's own message
 * (CONFLICT) while the form stays as it was.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { streetDate } from '../../admin/src/common/street-time.ts';
import { type SignedIn, signIn } from './support/browser.ts';
import { api, apiLogin, type E2EServer } from './support/server.ts';
import { e2eWorld } from './support/world.ts';

const THEMES_OF_YEAR = 'query($year: Int!) { monthlyThemes(year: $year) { month title brand { nameZh } } }';

/** The first month without a theme, from the street's current year on (the demo seed fills its year). */
async function freeMonth(server: E2EServer, token: string): Promise<{ year: number; month: number }> {
  const now = streetDate(new Date()).year;
  for (let year = now; year <= now + 5; year++) {
    const data = await api<{ monthlyThemes: { month: number }[] }>(server.url, THEMES_OF_YEAR, { year }, token);
    const taken = new Set(data.monthlyThemes.map((t) => t.month));
    const month = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].find((m) => !taken.has(m));
    if (month) return { year, month };
  }
  throw new Error('no free month in six years');
}

/** The year view's cell of one month. */
const monthCell = (page: Page, month: number) => page.locator(`[data-testid="theme-month-${month}"]`);

/** react-admin's notification text, once it shows. */
async function notification(page: Page): Promise<string> {
  const message = page.locator('.MuiSnackbarContent-message').first();
  await message.waitFor({ timeout: 10_000 });
  return (await message.textContent()) ?? '';
}

describe('monthly themes in the panel', () => {
  const world = e2eWorld();
  let admin: SignedIn;
  let free: { year: number; month: number };
  const title = `E2E 邻里守望月 ${Math.random().toString(36).slice(2, 6)}`;

  beforeAll(async () => {
    free = await freeMonth(world.server, await apiLogin(world.server.url, 'admin'));
    admin = await signIn(world.browser, world.server.url, 'admin');
  });

  it('creates a theme for a free month from the year view, and finds it there after a reload', async () => {
    const { page } = admin;
    await page.goto(`${world.server.url}/admin/#/monthlyThemes?year=${free.year}`);
    await expect.poll(() => monthCell(page, free.month).getAttribute('data-empty')).toBe('true');

    await monthCell(page, free.month).locator('[data-testid="theme-create-for-month"]').click();
    // The create form comes with the month chosen in the year view.
    await expect.poll(() => page.inputValue('input[name="year"]')).toBe(String(free.year));
    await page.fill('input[name="title"]', title);
    await page.getByRole('combobox', { name: '服务品牌' }).click();
    await page.getByRole('option', { name: '邻里节' }).click();
    await page.fill('textarea[name="goals"]', '每个社区至少组织两次邻里互助活动');
    await page.getByRole('button', { name: '保存' }).click();

    // Back in the year view of that year, then again after a full reload.
    await page.waitForURL(new RegExp(`#/monthlyThemes\\?year=${free.year}$`));
    await page.reload();
    const cell = monthCell(page, free.month);
    await expect.poll(() => cell.getAttribute('data-empty'), { timeout: 10_000 }).toBe('false');
    expect(await cell.locator('[data-testid="theme-title"]').textContent()).toBe(title);
    expect(await cell.textContent()).toContain('邻里节');

    const stored = await api<{ monthlyThemes: { month: number; title: string; brand: { nameZh: string } | null }[] }>(
      world.server.url,
      THEMES_OF_YEAR,
      { year: free.year },
      await apiLogin(world.server.url, 'admin'),
    );
    expect(stored.monthlyThemes.find((t) => t.month === free.month)).toEqual({
      month: free.month,
      title,
      brand: { nameZh: '邻里节' },
    });
    expect(admin.errors).toEqual([]);
  });

  it("refuses a second theme for the same month with the server's message, not a crash", async () => {
    const { page } = admin;
    const source = encodeURIComponent(JSON.stringify({ year: free.year, month: free.month }));
    await page.goto(`${world.server.url}/admin/#/monthlyThemes/create?source=${source}`);
    await page.fill('input[name="title"]', `${title}（重复）`);
    await page.getByRole('button', { name: '保存' }).click();

    const mm = String(free.month).padStart(2, '0');
    expect(await notification(page)).toBe(`${free.year}-${mm} already has a monthly theme`);
    // Still on the form, with what was typed: nothing was lost and nothing crashed.
    expect(page.url()).toContain('#/monthlyThemes/create');
    expect(await page.inputValue('input[name="title"]')).toBe(`${title}（重复）`);
    expect(admin.errors).toEqual([]);

    // The year view still shows the first theme only.
    await page.goto(`${world.server.url}/admin/#/monthlyThemes?year=${free.year}`);
    await expect
      .poll(() => monthCell(page, free.month).locator('[data-testid="theme-title"]').textContent())
      .toBe(title);
  });
});
