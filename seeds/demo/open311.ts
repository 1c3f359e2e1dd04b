/**
 * The demo's Open311 API key (DEMO-ACCOUNTS.md): `wishgrid-demo-hotline` lists wishes on the HOTLINE channel,
 * issued by the street admin a month before `now`. Runs inside the demo seed's transaction.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { recordChange } from '../../server/src/domain/kernel/change-log.ts';
import { insertOpen311Key } from '../../server/src/domain/open311/open311-key.service.ts';
import { DAY } from './time.ts';

export const DEMO_OPEN311_KEY = 'wishgrid-demo-hotline';

export async function seedOpen311Keys(em: EntityManager, options: { now: Date }): Promise<void> {
  const [admin] = await em.execute<{ id: number }[]>(`select id from person where username = 'admin'`);
  if (!admin) throw new Error('seed: the street admin is missing');
  const at = new Date(options.now.getTime() - 30 * DAY);
  await insertOpen311Key(
    em,
    { clear: DEMO_OPEN311_KEY, label: '12345 热线（演示）', channel: 'HOTLINE', issuedById: admin.id },
    at,
    (tx, id, data) =>
      recordChange(tx, { entityType: 'Open311Key', entityId: id, action: 'ISSUE', actorId: admin.id, data }, at),
  );
}
