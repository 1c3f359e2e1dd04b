/**
 * Residents who registered themselves in the app and wait for verification, so the panel's "待审核居民" list has
 * something to verify: three at Wenxiangyuan (grid.hongshun, hongshun.secretary and wenxiangyuan.secretary verify
 * them) and one at the Shanxi Printing and Dyeing Factory Compound (financial.secretary). They have no login in the
 * demo data (the demo accounts are exactly those of DEMO-ACCOUNTS.md). Fixed names and numbers, registered in the
 * days before `now`: the same `now` gives the same rows. Runs inside the demo seed's transaction.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { recordChange } from '../../server/src/domain/kernel/change-log.ts';
import { DAY } from './time.ts';

const HOUR = DAY / 24;

const PENDING: readonly { name: string; phone: string; compound: string; address: string; hoursAgo: number }[] = [
  { name: '赵丽萍', phone: '19903540101', compound: 'Wenxiangyuan', address: '3号楼2单元401', hoursAgo: 50 },
  { name: '钱建国', phone: '19903540102', compound: 'Wenxiangyuan', address: '7号楼1单元202', hoursAgo: 26 },
  { name: '孙雅婷', phone: '19903540103', compound: 'Wenxiangyuan', address: '12号楼3单元501', hoursAgo: 5 },
  {
    name: '李卫东',
    phone: '19903540104',
    compound: 'Shanxi Printing and Dyeing Factory Compound',
    address: '2号楼4单元301',
    hoursAgo: 30,
  },
];

/** Inserts the pending registrations; returns how many people it added. */
export async function seedPendingRegistrations(em: EntityManager, options: { now: Date }): Promise<number> {
  for (const r of PENDING) {
    const [unit] = await em.execute<{ id: number }[]>(`select id from org_unit where name = ? and kind = 'COMPOUND'`, [
      r.compound,
    ]);
    if (!unit) throw new Error(`seed: no compound named ${r.compound}`);
    const at = new Date(options.now.getTime() - r.hoursAgo * HOUR);
    const [person] = await em.execute<{ id: number }[]>(
      `insert into person (username, display_name, phone, password_hash, active, created_at, verification, registered_at, address)
       values (null, ?, ?, null, true, ?, 'PENDING', ?, ?) returning id`,
      [r.name, r.phone, at, at, r.address],
    );
    const id = (person as { id: number }).id;
    await em.execute(
      `insert into person_role (person_id, role, org_unit_id, created_at) values (?, 'RESIDENT', ?, ?)`,
      [id, unit.id, at],
    );
    await recordChange(
      em,
      {
        entityType: 'Person',
        entityId: id,
        action: 'REGISTER',
        actorId: id,
        data: { displayName: r.name, phone: r.phone, address: r.address, compoundId: unit.id },
      },
      at,
    );
  }
  return PENDING.length;
}
