/**
 * Open311 keys in a real browser: street staff issue a key from the panel, see it once with a copy button, and the
 * key lists a wish over /open311/v2/; revoked from the panel, the same key is refused with 403. A branch
 * secretary is told the page is for street staff.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type SignedIn, screenshot, signIn } from './support/browser.ts';
import { e2eWorld } from './support/world.ts';

/** POSTs a request with the key; the HTTP status. */
async function postWith(baseUrl: string, apiKey: string): Promise<number> {
  const res = await fetch(`${baseUrl}/open311/v2/requests.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      api_key: apiKey,
      service_code: 'repairs',
      address_string: '文香苑 2号楼',
      description: '2号楼门口路灯不亮',
    }).toString(),
  });
  await res.text();
  return res.status;
}

describe('Open311 keys in the panel', () => {
  const world = e2eWorld();
  let admin: SignedIn;
  const label = `E2E 热线系统 ${Math.random().toString(36).slice(2, 6)}`;

  beforeAll(async () => {
    admin = await signIn(world.browser, world.server.url, 'admin');
    await admin.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: world.server.url });
  });

  it('issues a key shown once with a copy button, which lists a wish; revoked, the key is refused', async () => {
    const { page } = admin;
    await page.goto(`${world.server.url}/admin/#/open311Keys`);
    await page.getByText('Open311 密钥').first().waitFor();
    // The demo key is listed, in use.
    await page.locator('[data-testid="open311-key-row"]', { hasText: '12345 热线（演示）' }).waitFor();

    await page.fill('input[name="label"]', label);
    await page.getByTestId('open311-channel').click();
    await page.getByRole('option', { name: '热线' }).click();
    await page.getByRole('button', { name: '签发密钥' }).click();

    const shown = page.getByTestId('open311-issued-key');
    await shown.waitFor();
    const apiKey = ((await shown.textContent()) ?? '').trim();
    expect(apiKey).toMatch(/^wg311_[A-Za-z0-9_-]{32}$/);
    await page.getByRole('button', { name: '复制' }).click();
    await page.getByText('已复制到剪贴板').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(apiKey);
    await page.getByRole('button', { name: '我已保存' }).click();
    await shown.waitFor({ state: 'detached' });
    // Never shown again: the list has its first characters only.
    const row = page.locator('[data-testid="open311-key-row"]', { hasText: label });
    await row.waitFor();
    expect(await row.getAttribute('data-active')).toBe('true');
    expect(await row.textContent()).toContain(apiKey.slice(0, 10));
    expect(await page.content()).not.toContain(apiKey);

    expect(await postWith(world.server.url, apiKey)).toBe(201);

    await row.getByRole('button', { name: '吊销' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '吊销' }).click();
    await expect.poll(() => row.getAttribute('data-active'), { timeout: 10_000 }).toBe('false');
    expect(await row.textContent()).toContain('已吊销');
    await screenshot(page, 'open311-keys');
    expect(await postWith(world.server.url, apiKey)).toBe(403);
    expect(admin.errors).toEqual([]);
  });

  it('tells a branch secretary that keys are for street staff', async () => {
    const secretary = await signIn(world.browser, world.server.url, 'hongshun.secretary');
    await secretary.page.goto(`${world.server.url}/admin/#/open311Keys`);
    await secretary.page.getByText('只有街道工作人员可以签发和吊销 Open311 密钥').waitFor();
    expect(await secretary.page.locator('[data-testid="open311-key-row"]').count()).toBe(0);
    expect(secretary.errors).toEqual([]);
    await secretary.context.close();
  });
});
