/**
 * The property committee screens in a real browser: street staff set up a committee for a compound without
 * property management, find it again after a reload, and a second committee for the same compound shows
 * the server's refusal (CONFLICT) as a message, not a crash.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot, signIn } from './support/browser.ts';
import { api, apiLogin } from './support/server.ts';
import { e2eWorld } from './support/world.ts';

interface Compound {
  id: string;
  nameZh: string;
  name: string;
}

/** The panel's notification (react-admin's snackbar) once it shows, e.g. a server error. */
async function notification(page: Page): Promise<string> {
  const message = page.locator('.MuiSnackbarContent-message').last();
  await message.waitFor({ timeout: 10_000 });
  return ((await message.textContent()) ?? '').trim();
}

/** Opens the create form and fills it for `compound` (picked by its Chinese name in the compound picker). */
async function fillCommitteeForm(page: Page, baseUrl: string, compound: Compound, name: string): Promise<void> {
  await page.goto(`${baseUrl}/admin/#/propertyCommittees/create`);
  const picker = page.getByRole('combobox', { name: '小区' });
  await picker.click();
  await picker.fill(compound.nameZh);
  // Options read "<compound> · <community>".
  await page.getByRole('option', { name: new RegExp(`^${compound.nameZh} ·`) }).click();
  await page.getByRole('textbox', { name: /^名称/ }).fill(name);
  await page.getByRole('textbox', { name: /^党组织/ }).fill(`${name}党支部`);
}

const save = (page: Page) => page.getByRole('button', { name: '保存' }).click();

describe('property committees in the panel', () => {
  const world = e2eWorld();
  /** Compounds with neither a property company nor an active committee, as the seed leaves them. */
  let withoutManagement: Compound[];

  beforeAll(async () => {
    const token = await apiLogin(world.server.url, 'admin');
    const data = await api<{ orgUnitList: { nodes: (Compound & { propertyStatus: string })[] } }>(
      world.server.url,
      '{ orgUnitList(filter: { kind: COMPOUND, retired: false }, limit: 200) { nodes { id name nameZh propertyStatus } } }',
      {},
      token,
    );
    withoutManagement = data.orgUnitList.nodes.filter((unit) => unit.propertyStatus === 'NONE');
    expect(withoutManagement.length).toBeGreaterThanOrEqual(2);
  });

  it('sets up a committee for a compound without property management, and finds it after a reload', async () => {
    const compound = withoutManagement[0]!;
    const name = `${compound.nameZh}物业管理委员会`;
    const { page, errors } = await signIn(world.browser, world.server.url, 'admin');

    await fillCommitteeForm(page, world.server.url, compound, name);
    await save(page);
    await page.waitForURL(/#\/propertyCommittees\/[^/]+\/show$/);

    await page.reload();
    await expect.poll(() => page.locator('main').textContent(), { timeout: 10_000 }).toContain(name);
    expect(await page.locator('main').textContent()).toContain(compound.nameZh);

    // In the list, by compound, chair-less and active.
    await page.goto(`${world.server.url}/admin/#/propertyCommittees`);
    const row = page.locator('tbody tr', { hasText: name });
    await row.waitFor();
    expect(await row.textContent()).toContain(compound.nameZh);
    expect(await row.textContent()).toContain('运行中');

    // The compound itself now reports its committee.
    await page.goto(`${world.server.url}/admin/#/orgUnits/${compound.id}/show`);
    await expect.poll(() => page.locator('main').textContent(), { timeout: 10_000 }).toContain(name);
    expect(errors).toEqual([]);
  });

  it('shows the server’s message when a second committee is set up for the same compound', async () => {
    const compound = withoutManagement[1]!;
    const { context, page, errors } = await signIn(world.browser, world.server.url, 'admin');
    // Two windows open the form while the compound has no committee yet; the picker offers it in both.
    const other = await context.newPage();
    other.on('pageerror', (e) => errors.push(e.message));
    await fillCommitteeForm(page, world.server.url, compound, `${compound.nameZh}物业管理委员会`);
    await fillCommitteeForm(other, world.server.url, compound, `${compound.nameZh}第二物业管理委员会`);

    await save(page);
    await page.waitForURL(/#\/propertyCommittees\/[^/]+\/show$/);

    await save(other);
    const message = await notification(other);
    // The server's own words (CONFLICT), naming the compound and the committee it already has.
    expect(message).toContain(`${compound.name} already has an ACTIVE property committee`);
    // No crash: the form is still there with what was typed, and nothing was created.
    expect(other.url()).toMatch(/#\/propertyCommittees\/create$/);
    expect(await other.getByRole('textbox', { name: /^名称/ }).inputValue()).toBe(
      `${compound.nameZh}第二物业管理委员会`,
    );
    await screenshot(other, 'property-committee-conflict');

    const token = await apiLogin(world.server.url, 'admin');
    const list = await api<{ propertyCommitteeList: { totalCount: number } }>(
      world.server.url,
      'query($id: ID!) { propertyCommitteeList(filter: { compoundId: $id }) { totalCount } }',
      { id: compound.id },
      token,
    );
    expect(list.propertyCommitteeList.totalCount).toBe(1);
    expect(errors).toEqual([]);
  });
});
