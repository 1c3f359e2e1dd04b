/**
 * The wish page of the panel shows the photos of the listing and of the work done, and opens them in a viewer
 * (next with the arrow key, Esc closes). The photos are uploaded as a client does it: GraphQL multipart requests.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.ts';
import { signIn } from './support/browser.ts';
import { api, apiLogin } from './support/server.ts';
import { e2eWorld } from './support/world.ts';

const RESIDENT = 'resident.wenxiangyuan.1';
const SECRETARY = 'wenxiangyuan.secretary';
const MEMBER = 'member.wenxiangyuan.1';

/** The e2e server keeps photos where a default server does: the files this test wrote are removed after it. */
const written: string[] = [];
afterAll(() => {
  const storage = loadConfig({}).photoStorage;
  if (storage.kind !== 'local') return;
  for (const key of written) fs.rmSync(path.join(storage.dir, key), { force: true });
});

async function uploadPhoto(url: string, token: string, color: string): Promise<string> {
  const image = await sharp({ create: { width: 320, height: 240, channels: 3, background: color } })
    .jpeg()
    .toBuffer();
  const form = new FormData();
  form.append(
    'operations',
    JSON.stringify({ query: 'mutation($file: File!) { uploadPhoto(file: $file) { id } }', variables: { file: null } }),
  );
  form.append('map', JSON.stringify({ '0': ['variables.file'] }));
  form.append('0', new File([new Uint8Array(image)], 'photo.jpg', { type: 'image/jpeg' }));
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'graphql-require-preflight': '1' },
    body: form,
  });
  const body = (await res.json()) as { data?: { uploadPhoto: { id: string } }; errors?: unknown };
  if (!body.data) throw new Error(`upload failed: ${JSON.stringify(body.errors)}`);
  return body.data.uploadPhoto.id;
}

describe('photos on the wish page of the panel', () => {
  const world = e2eWorld();

  it('shows the listing’s and the work’s photos and opens them in a viewer', async () => {
    const url = world.server.url;
    const resident = await apiLogin(url, RESIDENT);
    const secretary = await apiLogin(url, SECRETARY);
    const member = await apiLogin(url, MEMBER);
    const step = async (token: string, mutation: string, input: Record<string, unknown>) => {
      const name = `${mutation[0]?.toUpperCase()}${mutation.slice(1)}Input`;
      const data = await api(
        url,
        `mutation($i: ${name}!) { ${mutation}(input: $i) { wish { id } } }`,
        { i: input },
        token,
      );
      return data[mutation].wish as { id: string };
    };
    const listed = [await uploadPhoto(url, resident, '#c0392b'), await uploadPhoto(url, resident, '#2980b9')];
    const wish = await step(resident, 'submitWish', {
      title: `楼道扶手松动 ${Date.now()}`,
      description: '二单元三楼扶手松动',
      categoryCode: 'repairs',
      photoIds: listed,
    });
    const me = await api<{ me: { id: string } }>(url, '{ me { id } }', {}, member);
    await step(secretary, 'dispatchWish', { wishId: wish.id, assigneeIds: [me.me.id] });
    await step(member, 'acceptWish', { wishId: wish.id });
    const done = await uploadPhoto(url, member, '#27ae60');
    await step(member, 'resolveWish', { wishId: wish.id, note: '已加固', photoIds: [done] });
    const keys = await world.server.app.orm.em
      .fork()
      .execute<{ storage_key: string; thumbnail_key: string }[]>(
        'select storage_key, thumbnail_key from photo where uploader_id in (select id from person where username in (?, ?))',
        [RESIDENT, MEMBER],
      );
    written.push(...keys.flatMap((k) => [k.storage_key, k.thumbnail_key]));

    const { page, errors } = await signIn(world.browser, url, SECRETARY);
    await page.goto(`${url}/admin/#/wishes/${encodeURIComponent(wish.id)}/show`);
    await page.waitForSelector('[data-testid="wish-photos-SUBMITTED"] img');
    const submitted = page.locator('[data-testid="wish-photos-SUBMITTED"] img');
    const resolved = page.locator('[data-testid="wish-photos-RESOLVED"] img');
    expect(await submitted.count()).toBe(2);
    expect(await resolved.count()).toBe(1);
    // The thumbnails load (signed URLs served by the server).
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid^="wish-photos-"] img')].every(
        (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
      ),
    );

    await submitted.first().click();
    const viewer = page.locator('[data-testid="photo-viewer-image"]');
    await viewer.waitFor();
    const loaded = () =>
      page.waitForFunction(() => {
        const img = document.querySelector('[data-testid="photo-viewer-image"]') as HTMLImageElement | null;
        return img?.complete === true && img.naturalWidth === 320;
      });
    await loaded();
    const first = await viewer.getAttribute('src');
    expect(first).toMatch(/^\/photos\/\d+\/full\?/);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      (src) => document.querySelector('[data-testid="photo-viewer-image"]')?.getAttribute('src') !== src,
      first,
    );
    await loaded();
    await page.keyboard.press('ArrowRight');
    await page.getByText('办结照片 · 3 / 3').waitFor();
    await page.keyboard.press('Escape');
    await viewer.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  });
});
