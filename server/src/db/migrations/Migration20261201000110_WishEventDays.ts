import { Migration } from '@mikro-orm/migrations';

/** One event's contributions to `wish_event_day`, over `e` (the event) and `w` (its wish's compound and listing time). */
const CONTRIBUTIONS = `(e.at at time zone 'UTC')::date as day, w.compound_id, e.to_status, 1 as n,
  case when e.to_status = 'CLOSED' then extract(epoch from (e.at - w.created_at)) / 3600 else 0 end as closed_hours,
  case when e.action in ('EVALUATE', 'REOPEN') then 1 else 0 end as rated,
  case when e.action in ('EVALUATE', 'REOPEN') and (e.data->>'rating') is not null then 1 else 0 end as rating_n,
  case when e.action in ('EVALUATE', 'REOPEN') then coalesce((e.data->>'rating')::int, 0) else 0 end as rating_sum,
  case when e.action = 'REOPEN' then 1 else 0 end as reopened`;

/** Adds the rows of `contributions` (signed), summed per day, compound and status, in key order. */
const upsert = (contributions: string) => `insert into wish_event_day as s
    (day, compound_id, to_status, n, closed_hours, rated, rating_n, rating_sum, reopened)
  select day, compound_id, to_status, sum(n), sum(closed_hours), sum(rated), sum(rating_n), sum(rating_sum), sum(reopened)
    from (${contributions}) d
   group by day, compound_id, to_status order by day, compound_id, to_status
  on conflict (day, compound_id, to_status) do update set n = s.n + excluded.n,
    closed_hours = s.closed_hours + excluded.closed_hours, rated = s.rated + excluded.rated,
    rating_n = s.rating_n + excluded.rating_n, rating_sum = s.rating_sum + excluded.rating_sum,
    reopened = s.reopened + excluded.reopened`;

/** Adds every stored event to wish_event_day (on an empty summary: the summary of the whole log). */
export const WISH_EVENT_DAY_BACKFILL = upsert(`select ${CONTRIBUTIONS} from wish_event e join wish w on w.id = e.wish_id`);

/**
 * `wish_event_day`: the wish events of each UTC day per compound and resulting status, with the sums the
 * dashboard's period figures need (events, hours to close, evaluations, ratings, reopenings), kept by the database
 * in the same transaction as every event — services, seeds and COPY loads alike — so a period reads whole days
 * here and only its partial first and last days from `wish_event` (wish.stats.ts). The event log is append-only,
 * so events only add; a wish whose compound or listing time changes carries its events' sums along (the sums it
 * made under the old values are taken off, those under the new ones added). Keys are locked in key order.
 */
export class Migration20261201000110_WishEventDays extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "wish_event_day" ("day" date not null, "compound_id" int not null, "to_status" "wish_status" not null, "n" int not null, "closed_hours" numeric not null, "rated" int not null, "rating_n" int not null, "rating_sum" int not null, "reopened" int not null, constraint "wish_event_day_pkey" primary key ("day", "compound_id", "to_status"));`);
    this.addSql(`create or replace function wish_event_day_add() returns trigger language plpgsql as $$
begin
  ${upsert(`select ${CONTRIBUTIONS} from wish_event_day_new e join wish w on w.id = e.wish_id`)};
  return null;
end $$;`);
    this.addSql(`create or replace function wish_event_day_move() returns trigger language plpgsql as $$
begin
  ${upsert(`select d.day, d.compound_id, d.to_status, x.sign * d.n as n, x.sign * d.closed_hours as closed_hours,
              x.sign * d.rated as rated, x.sign * d.rating_n as rating_n, x.sign * d.rating_sum as rating_sum,
              x.sign * d.reopened as reopened
         from (select o.id, o.compound_id, o.created_at, -1 as sign
                 from wish_event_day_old o join wish_event_day_new c on c.id = o.id
                where (o.compound_id, o.created_at) is distinct from (c.compound_id, c.created_at)
               union all
               select c.id, c.compound_id, c.created_at, 1 as sign
                 from wish_event_day_new c join wish_event_day_old o on o.id = c.id
                where (o.compound_id, o.created_at) is distinct from (c.compound_id, c.created_at)) x
         cross join lateral (select ${CONTRIBUTIONS} from wish_event e cross join (select x.compound_id, x.created_at) w
                              where e.wish_id = x.id) d`)};
  return null;
end $$;`);
    this.addSql(`create trigger wish_event_day_insert after insert on "wish_event" referencing new table as wish_event_day_new
  for each statement execute function wish_event_day_add();`);
    this.addSql(`create trigger wish_event_day_update after update on "wish" referencing old table as wish_event_day_old new table as wish_event_day_new
  for each statement execute function wish_event_day_move();`);
    // The triggers hold their locks until this migration commits: no event slips between them and the back-fill.
    this.addSql(`${WISH_EVENT_DAY_BACKFILL};`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists wish_event_day_update on "wish";`);
    this.addSql(`drop trigger if exists wish_event_day_insert on "wish_event";`);
    this.addSql(`drop function if exists wish_event_day_move();`);
    this.addSql(`drop function if exists wish_event_day_add();`);
    this.addSql(`drop table if exists "wish_event_day";`);
  }

}
