/** The background sweeps: idempotent, and each change with its event and its points. */
import { describe, expect } from 'vitest';
import { pointsYear } from '../../server/src/domain/points/points.service.ts';
import { runSweeps } from '../../server/src/domain/sweeps.ts';
import { decodeId } from '../../server/src/graphql/ids.ts';
import { harnessTest } from '../support/harness-test.ts';

/** `sweep(now)` runs the background sweeps once, as the server would at `now`. */
const it = harnessTest.extend('sweep', { scope: 'file' }, ({ h }) => {
  return (now = new Date()) =>
    runSweeps(h.app.orm.em.fork(), {
      now,
      autoCloseDays: 7,
      finishAfterHours: 24,
      publishWish: (e) => h.app.hub.publish(e),
      publishActivity: (id) => h.app.hub.publishActivity(id),
    });
});

describe('background sweeps', () => {
  it('finishes activities long over, deducting no-shows once, and credits basic points once', async ({
    h,
    world: w,
    sweep,
  }) => {
    const member = decodeId('Person', await w.person('member.wenxiangyuan.5'))!;
    const { rows: unit } = await h.db.query(`select id from org_unit where name = 'Wenxiangyuan'`);
    const { rows: created } = await h.db.query(
      `insert into activity (organizer_id, title, place, starts_at, ends_at, capacity, points_per_participant, status, created_at, updated_at, version)
       values ($1, '楼道清扫', '文香苑', now() - interval '3 days', now() - interval '3 days' + interval '2 hours', 10, 0, 'PLANNED', now(), now(), 1)
       returning id`,
      [unit[0].id],
    );
    const activityId = created[0].id;
    await h.db.query(
      `insert into activity_sign_up (activity_id, person_id, status, signed_up_at) values ($1, $2, 'SIGNED_UP', now() - interval '5 days')`,
      [activityId, member],
    );
    // a resident who has just become a party member has no basic points yet
    const resident = decodeId('Person', await w.person('resident.wenxiangyuan.3'))!;
    await h.db.query(
      `insert into person_role (person_id, role, org_unit_id, created_at) values ($1, 'PARTY_MEMBER', $2, now())`,
      [resident, unit[0].id],
    );

    const first = await sweep();
    expect(first.activitiesFinished).toBeGreaterThanOrEqual(1);
    expect(first.basicGranted).toBeGreaterThanOrEqual(1);
    const { rows: status } = await h.db.query('select status from activity where id = $1', [activityId]);
    expect(status[0].status).toBe('FINISHED');
    const noShows = `select count(*)::int as n from point_entry e join point_rule r on r.id = e.rule_id
      where r.code = 'ACTIVITY_NO_SHOW' and e.person_id = $1 and e.source_key = $2`;
    expect((await h.db.query(noShows, [member, `activity:${activityId}`])).rows[0].n).toBe(1);
    const { rows: events } = await h.db.query(
      `select action, actor_id from change_event where entity_type = 'Activity' and entity_id = $1`,
      [activityId],
    );
    expect(events).toEqual([{ action: 'FINISH', actor_id: null }]);
    const basic = `select count(*)::int as n from point_entry e join point_rule r on r.id = e.rule_id
      where r.code = 'BASIC_YEARLY' and e.person_id = $1 and e.year = $2`;
    expect((await h.db.query(basic, [resident, pointsYear(new Date())])).rows[0].n).toBe(1);

    const second = await sweep();
    expect(second).toEqual({ wishesClosed: 0, activitiesFinished: 0, basicGranted: 0 });
    expect((await h.db.query(noShows, [member, `activity:${activityId}`])).rows[0].n).toBe(1);
    expect((await h.db.query(basic, [resident, pointsYear(new Date())])).rows[0].n).toBe(1);
  });
});
