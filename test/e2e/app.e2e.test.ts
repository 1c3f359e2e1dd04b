/**
 * The residents' and members' app at /app/ on a 390 × 844 phone with touch, in Chinese: a resident lists a
 * wish with a photo and an address and follows it live (also across a server restart), two members race for
 * an order in the open pool, the winner resolves it, the resident rates it with a comment, the language
 * switches to English and back, and the app shell loads from the service worker when offline.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/browser.ts';
import { api, apiLogin } from './support/server.ts';
import { e2eWorld } from './support/world.ts';

const LIVE_WITHIN_MS = 2_000;
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, locale: 'zh-CN' };

interface Phone {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/** A phone signed in to the app through its own sign-in form. */
async function phoneSignIn(browser: Browser, baseUrl: string, username: string): Promise<Phone> {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${baseUrl}/app/`);
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', 'wishgrid-demo');
  await page.getByRole('button', { name: '登录' }).click();
  try {
    await page.waitForSelector('nav.tabs a');
  } catch (error) {
    // Say what the phone showed instead.
    throw new Error(`${username} not signed in: ${await page.locator('body').innerText()} (${String(error)})`);
  }
  return { context, page, errors };
}

const badge = (page: Page) => page.locator('[data-testid="wish-status"] .badge');

describe('the residents’ and members’ app at 390 px', () => {
  const world = e2eWorld();
  let db: pg.Client;
  let photo: string;

  const submit = async (title: string) => {
    const resident = await apiLogin(world.server.url, 'resident.wenxiangyuan.2');
    const data = await api<{ submitWish: { wish: { id: string } } }>(
      world.server.url,
      'mutation($i: SubmitWishInput!) { submitWish(input: $i) { wish { id } } }',
      { i: { title, description: '单元门禁坏了', categoryCode: 'repairs' } },
      resident,
    );
    return data.submitWish.wish.id;
  };

  beforeAll(async () => {
    db = new pg.Client({ connectionString: world.server.databaseUrl });
    await db.connect();
    photo = path.join(os.tmpdir(), `wishgrid-app-e2e-${process.pid}.jpg`);
    await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 200, g: 120, b: 40 } } })
      .jpeg()
      .toFile(photo);
  });

  afterAll(async () => {
    await db?.end();
    fs.rmSync(photo, { force: true });
  });

  it('a resident lists a wish with a photo and an address, and sees it dispatched live, also after the server restarts', async () => {
    const { context, page, errors } = await phoneSignIn(world.browser, world.server.url, 'resident.wenxiangyuan.1');
    await page.getByRole('heading', { name: '我的心愿' }).waitFor();
    await screenshot(page, 'app-my-wishes');

    await page.getByRole('link', { name: /我要许愿/ }).click();
    await page.getByRole('button', { name: '维修（台阶、楼梯、门牌）' }).click();
    const title = `楼道扶手松动 ${Math.random().toString(36).slice(2, 6)}`;
    await page.fill('input[name="title"]', title);
    await page.fill('textarea[name="description"]', '三单元一楼到二楼的扶手松了，老人上下楼不安全');
    await page.fill('input[name="address"]', '3号楼2单元');
    await page.setInputFiles('input[type="file"]', photo);
    // Uploaded: the preview is the server's thumbnail, no progress bar left.
    await page.locator('.photo img[src*="/photos/"]').waitFor();
    expect(await page.locator('.photo progress').count()).toBe(0);
    await screenshot(page, 'app-new-wish');
    await page.getByRole('button', { name: '提交心愿' }).click();
    await expect.poll(() => badge(page).textContent()).toBe('已提交');
    const wishId = decodeURIComponent(page.url().split('#/wish/')[1] ?? '');
    const stored = await db.query(
      `select w.address, (select count(*)::int from photo p where p.wish_id = w.id) as photos
         from wish w where w.title = $1`,
      [title],
    );
    expect(stored.rows).toEqual([{ address: '3号楼2单元', photos: 1 }]);

    // The secretary dispatches it (through the API); the resident's page follows without a reload.
    const secretary = await apiLogin(world.server.url, 'hongshun.secretary');
    const memberToken = await apiLogin(world.server.url, 'member.wenxiangyuan.4');
    const assignee = (
      await api<{ me: { id: string; displayName: string } }>(
        world.server.url,
        '{ me { id displayName } }',
        {},
        memberToken,
      )
    ).me;
    // The member's phone is open on his orders: his bell counts the new order, live.
    const memberPhone = await phoneSignIn(world.browser, world.server.url, 'member.wenxiangyuan.4');
    await memberPhone.page.getByRole('heading', { name: '我的工单' }).waitFor();
    const bellCount = async () =>
      Number((await memberPhone.page.getByTestId('bell').getAttribute('aria-label'))?.match(/\d+/)?.[0]);
    await expect.poll(bellCount).not.toBeNaN();
    const unreadBefore = await bellCount();
    await api(
      world.server.url,
      'mutation($i: DispatchWishInput!) { dispatchWish(input: $i) { wish { id } } }',
      { i: { wishId, assigneeIds: [assignee.id] } },
      secretary,
    );
    await expect.poll(bellCount, { timeout: LIVE_WITHIN_MS, interval: 100 }).toBe(unreadBefore + 1);
    await memberPhone.page.locator(`[data-wish="${wishId}"]`).waitFor({ timeout: LIVE_WITHIN_MS });
    // Tapping the bell lists the notification; tapping it opens the order.
    await memberPhone.page.getByTestId('bell').click();
    await memberPhone.page.getByRole('heading', { name: '消息' }).waitFor();
    await screenshot(memberPhone.page, 'app-notifications');
    await memberPhone.page.locator('.card.unread').first().click();
    await memberPhone.page.getByRole('heading', { name: title }).waitFor();
    await memberPhone.page.getByRole('button', { name: '接单' }).waitFor();
    expect(memberPhone.errors).toEqual([]);
    await memberPhone.context.close();
    await expect.poll(() => badge(page).textContent(), { timeout: LIVE_WITHIN_MS, interval: 100 }).toBe('已派单');
    await page.getByText(assignee.displayName).waitFor();
    await screenshot(page, 'app-wish-live');

    // The connection drops (the server stops); the order is declined meanwhile on another replica; the app
    // reconnects by itself and shows it.
    const sibling = await world.server.sibling();
    await world.server.stop();
    await page.getByText(/正在重新连接|网络已断开/).waitFor();
    await api(
      sibling.url,
      'mutation($i: DeclineWishInput!) { declineWish(input: $i) { wish { id } } }',
      { i: { wishId, reason: '本周出差' } },
      await apiLogin(sibling.url, 'member.wenxiangyuan.4'),
    );
    await world.server.restart();
    await expect.poll(() => badge(page).textContent(), { timeout: 20_000, interval: 200 }).toBe('已提交');
    await page.getByText('本周出差').waitFor();

    // Withdraw it while that is still allowed.
    await page.getByRole('button', { name: '撤回心愿' }).click();
    await page.getByRole('button', { name: '撤回心愿' }).click();
    await expect.poll(() => badge(page).textContent()).toBe('已撤回');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('two members claim the same order at once: one gets it, the other is told kindly; the winner resolves it and the resident rates it with a comment', async () => {
    const title = `单元门禁失灵 ${Math.random().toString(36).slice(2, 6)}`;
    const wishId = await submit(title);
    const secretary = await apiLogin(world.server.url, 'wenxiangyuan.secretary');
    const one = await phoneSignIn(world.browser, world.server.url, 'member.wenxiangyuan.1');
    const two = await phoneSignIn(world.browser, world.server.url, 'member.wenxiangyuan.2');
    for (const m of [one, two]) await m.page.getByRole('link', { name: /抢单/ }).click();
    await api(
      world.server.url,
      'mutation($i: OpenWishForClaimInput!) { openWishForClaim(input: $i) { wish { id } } }',
      { i: { wishId } },
      secretary,
    );
    // The pool follows live: the order appears on both phones.
    for (const m of [one, two]) {
      await m.page.locator(`[data-wish="${wishId}"]`).waitFor({ timeout: LIVE_WITHIN_MS });
    }
    await screenshot(one.page, 'app-pool');
    const claim = (m: Phone) =>
      m.page.locator(`[data-wish="${wishId}"]`).getByRole('button', { name: '我来认领' }).click();
    await Promise.all([claim(one), claim(two)]);
    const kind = '这个心愿刚被其他同志认领了';
    await expect
      .poll(async () => [one, two].map((m) => m.page.url().includes('#/wish/')).filter(Boolean).length)
      .toBe(1);
    const winner = one.page.url().includes('#/wish/') ? one : two;
    const loser = winner === one ? two : one;
    await loser.page.getByText(kind).waitFor();
    await screenshot(loser.page, 'app-pool-lost');

    // The winner resolves it with a note.
    await winner.page.getByRole('heading', { name: title }).waitFor();
    await winner.page.fill('textarea[name="note"]', '已联系物业更换门禁读卡器');
    await winner.page.getByRole('button', { name: '办结' }).click();
    await expect.poll(() => badge(winner.page).textContent()).toBe('待评价');

    // The resident rates it 4 stars with a comment.
    const resident = await phoneSignIn(world.browser, world.server.url, 'resident.wenxiangyuan.2');
    await resident.page.goto(`${world.server.url}/app/#/wish/${encodeURIComponent(wishId)}`);
    await resident.page.getByRole('radio', { name: '4 星' }).click();
    await resident.page.fill('textarea[name="comment"]', '修得很快，谢谢党员同志');
    await screenshot(resident.page, 'app-evaluate');
    await resident.page.getByRole('button', { name: '提交评价' }).click();
    await expect.poll(() => badge(resident.page).textContent()).toBe('已完成');
    const stored = await db.query('select rating, rating_comment from wish where title = $1', [title]);
    expect(stored.rows).toEqual([{ rating: 4, rating_comment: '修得很快，谢谢党员同志' }]);
    for (const m of [one, two, resident]) {
      expect(m.errors).toEqual([]);
      await m.context.close();
    }
  });

  it('a new resident registers from the compound’s link and is told they wait for verification until staff verify them', async () => {
    const token = await apiLogin(world.server.url, 'resident.wenxiangyuan.3');
    const me = await api<{ me: { compound: { id: string } } }>(
      world.server.url,
      '{ me { compound { id } } }',
      {},
      token,
    );
    const context = await world.browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(`${world.server.url}/app/#/register?compound=${encodeURIComponent(me.me.compound.id)}`);
    const username = `new.resident.${Math.random().toString(36).slice(2, 7)}`;
    await page.fill('input[name="displayName"]', '李秀兰');
    await page.fill('input[name="phone"]', `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`);
    await page.fill('input[name="address"]', '5号楼1单元302');
    await page.fill('input[name="username"]', username);
    await page.fill('input[name="password"]', 'xiulan-2026');
    await screenshot(page, 'app-register');
    await page.getByRole('button', { name: '提交注册' }).click();
    await page.getByText('注册已提交').waitFor();
    await page.getByRole('button', { name: '去登录' }).click();
    await page.fill('input[name="username"]', username);
    await page.fill('input[name="password"]', 'xiulan-2026');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('verification').getByText('等待社区核实').waitFor();
    const stored = await db.query('select verification, address from person where username = $1', [username]);
    expect(stored.rows).toEqual([{ verification: 'PENDING', address: '5号楼1单元302' }]);
    // The compound's secretary verifies them: the notice is gone and the bell has the result.
    const personId = await page.evaluate(() => JSON.parse(localStorage.getItem('wishgrid.user') ?? '{}').id as string);
    await api(
      world.server.url,
      'mutation($i: VerifyResidentInput!) { verifyResident(input: $i) { person { id } } }',
      { i: { personId, approve: true } },
      await apiLogin(world.server.url, 'wenxiangyuan.secretary'),
    );
    await expect.poll(() => page.getByTestId('bell-count').textContent(), { timeout: LIVE_WITHIN_MS }).toBe('1');
    await page.reload();
    await page.getByRole('heading', { name: '我的心愿' }).waitFor();
    // The shell starts from the person as last seen (it works offline), then reads them again: the notice goes.
    await expect.poll(() => page.getByTestId('verification').count(), { timeout: 10_000 }).toBe(0);
    await context.close();
  });

  it('the panel sends a volunteer to the app, where he signs up for an activity, sees it under his activities and cancels', async () => {
    const context = await world.browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(`${world.server.url}/admin/`);
    await page.fill('input[name="username"]', 'volunteer.wenxiangyuan.1');
    await page.fill('input[name="password"]', 'wishgrid-demo');
    await page.click('button[type="submit"]');
    await page.waitForURL(/\/app\/$/);
    await page.getByRole('heading', { name: '我的工单' }).waitFor();
    await page.getByRole('link', { name: /活动/ }).click();
    const card = page
      .getByTestId('other-activities')
      .locator('li', { has: page.getByRole('button', { name: '报名' }) })
      .first();
    const activityId = await card.getAttribute('data-activity');
    await card.getByRole('button', { name: '报名' }).click();
    const mine = page.getByTestId('my-activities').locator(`[data-activity="${activityId}"]`);
    await mine.waitFor();
    await screenshot(page, 'app-activities');
    const signUps = () =>
      db.query(
        `select s.status from activity_sign_up s join person p on p.id = s.person_id
          where p.username = 'volunteer.wenxiangyuan.1' and s.activity_id = $1`,
        [
          Buffer.from(activityId ?? '', 'base64')
            .toString()
            .split(':')[1],
        ],
      );
    await mine.getByRole('button', { name: '取消报名' }).click();
    await page.getByTestId('other-activities').locator(`[data-activity="${activityId}"]`).waitFor();
    expect((await signUps()).rows).toEqual([{ status: 'CANCELLED' }]);
    await context.close();
  });

  it('switches to English and back, and keeps the choice across a reload', async () => {
    const { context, page } = await phoneSignIn(world.browser, world.server.url, 'member.wenxiangyuan.3');
    await page.getByRole('heading', { name: '我的工单' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'My orders' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await page.getByRole('heading', { name: 'My orders' }).waitFor();
    await page.getByRole('link', { name: /My points/ }).click();
    await page.getByRole('heading', { name: /Points in \d{4}/ }).waitFor();
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { name: /\d{4} 年积分/ }).waitFor();
    await screenshot(page, 'app-points');
    await context.close();
  });

  it('loads the app shell from the service worker when offline', async () => {
    const context = await world.browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(`${world.server.url}/app/`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // Controlled from the next load on.
    await page.reload();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: '登录' }).waitFor();
    // The API is never answered from the cache.
    const graphql = await page.evaluate(() =>
      fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{__typename}"}',
      }).then(
        () => 'answered',
        () => 'failed',
      ),
    );
    expect(graphql).toBe('failed');
    await context.close();
  });

  it('opens offline for a signed-in member, says it is offline, and loads his orders by itself once back online', async () => {
    const { context, page } = await phoneSignIn(world.browser, world.server.url, 'member.wenxiangyuan.5');
    await page.getByRole('heading', { name: '我的工单' }).waitFor();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await page.getByRole('heading', { name: '我的工单' }).waitFor();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('link', { name: /抢单/ }).waitFor();
    await page.getByText('网络已断开，恢复后会自动更新').waitFor();
    await page.getByText('加载失败，请检查网络后重试').waitFor();
    await screenshot(page, 'app-offline');
    await context.setOffline(false);
    await page.getByRole('heading', { name: '我的工单' }).waitFor();
    await context.close();
  });
});
