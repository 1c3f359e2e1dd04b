/**
 * The panel offers exactly what `availableActions` offers: a resolved wish listed with no resident shows its
 * handling secretary "close without evaluation" (and no evaluation); the dialog asks for the reason, and the wish
 * closes with that event in its timeline.
 */
import { describe, expect, it } from 'vitest';
import { signIn } from './support/browser.ts';
import { api, apiLogin } from './support/server.ts';
import { e2eWorld } from './support/world.ts';

const SECRETARY = 'wenxiangyuan.secretary';
const MEMBER = 'member.wenxiangyuan.1';

describe('closing a wish nobody can evaluate, in the panel', () => {
  const world = e2eWorld();

  it('shows the close where availableActions offers it, asks for the reason and closes the wish', async () => {
    const url = world.server.url;
    const secretary = await apiLogin(url, SECRETARY);
    const member = await apiLogin(url, MEMBER);
    const step = async (token: string, mutation: string, input: Record<string, unknown>) => {
      const name = `${mutation[0]?.toUpperCase()}${mutation.slice(1)}Input`;
      const data = await api(
        url,
        `mutation($i: ${name}!) { ${mutation}(input: $i) { wish { id status } } }`,
        { i: input },
        token,
      );
      return data[mutation].wish as { id: string; status: string };
    };
    const units = await api<{ orgUnits: { id: string; name: string }[] }>(
      url,
      '{ orgUnits { id name } }',
      {},
      secretary,
    );
    const compound = units.orgUnits.find((u) => u.name.startsWith('Wenxiangyuan'))?.id;
    const me = await api<{ me: { id: string } }>(url, '{ me { id } }', {}, member);
    // A hotline call that left no name, listed by the secretary, done by the member.
    const title = `路灯不亮（热线）${Date.now()}`;
    const wish = await step(secretary, 'submitWish', {
      title,
      description: '来电未留姓名',
      categoryCode: 'street_lamps',
      orgUnitId: compound,
      channel: 'HOTLINE',
    });
    await step(secretary, 'dispatchWish', { wishId: wish.id, assigneeIds: [me.me.id] });
    await step(member, 'acceptWish', { wishId: wish.id });
    await step(member, 'resolveWish', { wishId: wish.id, note: '已更换灯泡' });

    const { page, errors } = await signIn(world.browser, url, SECRETARY);
    await page.goto(`${url}/admin/#/wishes/${encodeURIComponent(wish.id)}/show`);
    await page.waitForSelector('[data-testid="wish-status"][data-status="RESOLVED"]');
    await page.waitForSelector('[data-testid="action-CLOSE_UNEVALUATED"]');
    expect(await page.locator('[data-testid="action-EVALUATE"]').count()).toBe(0);
    await page.click('[data-testid="action-CLOSE_UNEVALUATED"]');
    await page.fill('[data-testid="action-text"]', '来电人未留联系方式，无法回访');
    await page.click('[data-testid="action-confirm"]');
    await page.waitForSelector('[data-testid="wish-status"][data-status="CLOSED"]');
    await expect.poll(() => page.locator('[data-testid="timeline-event"]').count()).toBe(5);
    await expect
      .poll(async () => (await page.locator('[data-testid="timeline-event"]').allTextContents()).join(' '))
      .toContain('无评价结案');
    expect(await page.locator('[data-testid="action-CLOSE_UNEVALUATED"]').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
