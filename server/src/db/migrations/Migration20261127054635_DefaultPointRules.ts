import { Migration } from '@mikro-orm/migrations';

/**
 * The rules the server applies by itself, with starting amounts. Staff change amounts and caps later in
 * the panel; the codes are what the server looks up.
 */
export class Migration20261127054635_DefaultPointRules extends Migration {

  override async up(): Promise<void> {
    this.addSql(`insert into point_rule (code, name_zh, name_en, kind, amount, cap_per_year, active, description, created_at, updated_at, version) values
      ('BASIC_YEARLY', '年度基础积分', 'Yearly basic points', 'BASIC', 60, null, true, '每年为每名党员记入一次', now(), now(), 1),
      ('WISH_RESOLVED', '办结微心愿', 'Resolved a wish', 'POSITIVE', 5, null, true, '每名党员接单人，每个心愿一次', now(), now(), 1),
      ('WISH_RESOLVED_LARGE', '办结较大诉求加分', 'Resolved a larger wish', 'POSITIVE', 3, null, true, '社区级、街道级类别的心愿另加', now(), now(), 1),
      ('WISH_FIVE_STAR', '五星好评', 'Five-star evaluation', 'POSITIVE', 2, null, true, '居民评五星时每名党员接单人加分', now(), now(), 1),
      ('WISH_LOW_RATING', '差评扣分', 'One- or two-star evaluation', 'DEDUCTION', 3, null, true, '居民评一至二星时扣分', now(), now(), 1),
      ('WISH_ABANDONED', '放弃已接工单', 'Abandoned an accepted order', 'DEDUCTION', 2, null, true, '接单后放弃扣分', now(), now(), 1),
      ('ACTIVITY_ATTENDED', '参加志愿服务活动', 'Attended an activity', 'POSITIVE', 2, 60, true, '活动设置了每人积分时按活动积分计', now(), now(), 1),
      ('ACTIVITY_NO_SHOW', '报名未到', 'No-show after signing up', 'DEDUCTION', 1, 10, true, '报名后未签到扣分', now(), now(), 1)
      on conflict (code) do nothing;`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from point_rule where code in ('BASIC_YEARLY', 'WISH_RESOLVED', 'WISH_RESOLVED_LARGE', 'WISH_FIVE_STAR',
      'WISH_LOW_RATING', 'WISH_ABANDONED', 'ACTIVITY_ATTENDED', 'ACTIVITY_NO_SHOW')
      and not exists (select 1 from point_entry e where e.rule_id = point_rule.id);`);
  }

}
