/**
 * Writing the seed: the organisation, its people and the wish histories generated in memory go in with
 * explicit ids through MikroORM's `insertMany`; the other parts write raw rows with `bulkInsert`.
 */
import type { EntityName, RequiredEntityData } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  Assignment,
  Meeting,
  OrgUnit,
  Person,
  PersonRole,
  Wish,
  WishCategory,
  WishEvent,
} from '../../server/src/entities/index.ts';
import type { WishDraft } from './history.ts';
import { HOUR, MINUTE } from './time.ts';
import type { PersonDraft, World } from './world.ts';

const ENTITY_CHUNK = 500;
const BULK_CHUNK = 2000;

async function insertAll<T extends object>(em: EntityManager, entity: EntityName<T>, rows: RequiredEntityData<T>[]) {
  for (let i = 0; i < rows.length; i += ENTITY_CHUNK) {
    await em.insertMany<T>(entity, rows.slice(i, i + ENTITY_CHUNK));
  }
}

/** Inserts rows through one jsonb_to_recordset statement per chunk: a few round trips for thousands of rows. */
export async function bulkInsert(
  em: EntityManager,
  table: string,
  columns: readonly (readonly [string, string])[],
  rows: readonly object[],
): Promise<void> {
  const names = columns.map(([name]) => name).join(', ');
  const types = columns.map(([name, type]) => `${name} ${type}`).join(', ');
  for (let i = 0; i < rows.length; i += BULK_CHUNK) {
    await em.execute(
      `insert into ${table} (${names}) select ${names} from jsonb_to_recordset(?::jsonb) as x(${types})`,
      [JSON.stringify(rows.slice(i, i + BULK_CHUNK))],
    );
  }
}

/** Moves the serial sequences of tables written with explicit ids past their largest id. */
export async function resetSerials(em: EntityManager, columns: readonly (readonly [string, string])[]): Promise<void> {
  for (const [table, column] of columns) {
    await em.execute(
      `select setval(pg_get_serial_sequence('${table}', '${column}'), (select max("${column}") from "${table}"))`,
    );
  }
}

/** The units, people, their roles and the wish categories, all set up at `setupAt`. */
export async function insertOrganisation(
  em: EntityManager,
  world: World,
  hashes: ReadonlyMap<PersonDraft, string>,
  setupAt: number,
): Promise<void> {
  const setup = new Date(setupAt);
  await insertAll(
    em,
    OrgUnit,
    // A unit draft holds exactly the columns of its row, with the parent as an object.
    world.units.map((u) => ({ ...u, parent: u.parent?.id ?? null, createdAt: setup, updatedAt: setup })),
  );
  await insertAll(
    em,
    Person,
    world.people.map((p) => ({
      id: p.id,
      username: p.username,
      displayName: p.displayName,
      phone: p.phone,
      passwordHash: hashes.get(p) ?? null,
      createdAt: new Date(setupAt + p.id * MINUTE),
    })),
  );
  await insertAll(
    em,
    PersonRole,
    world.people.flatMap((p) =>
      p.roles.map((r) => ({
        id: r.id,
        person: p.id,
        role: r.role,
        orgUnit: r.unit.id,
        createdAt: new Date(setupAt + p.id * MINUTE),
      })),
    ),
  );
  await insertAll(
    em,
    WishCategory,
    // The usual partner of a category is a seed fact, not a column.
    world.categories.map(({ partner: _partner, ...row }) => ({ ...row, active: true })),
  );
}

/** The rows of a table that belongs to the wishes, numbered from 1 in the order of the wishes. */
function childRows<K extends 'assignments' | 'meetings', R extends object>(
  wishes: readonly WishDraft[],
  key: K,
  row: (child: WishDraft[K][number]) => R,
): (R & { id: number; wish: number })[] {
  return wishes
    .flatMap((w) => (w[key] as WishDraft[K][number][]).map((child) => ({ w, child })))
    .map(({ w, child }, i) => ({ id: i + 1, wish: w.id, ...row(child) }));
}

/** The wishes with their assignments, meetings and events. Returns how many events it wrote. */
export async function insertWishes(em: EntityManager, wishes: readonly WishDraft[]): Promise<number> {
  await insertAll(
    em,
    Wish,
    wishes.map((w) => ({
      id: w.id,
      title: w.title,
      description: w.description,
      category: w.category.id,
      compound: w.compound.unit.id,
      handlingUnit: w.handling.id,
      status: w.status,
      channel: w.channel,
      resident: w.resident?.id ?? null,
      listedBy: w.listedBy.id,
      rating: w.rating,
      ratingComment: w.ratingComment,
      reopenCount: w.reopenCount,
      dueAt: new Date(w.dueAt),
      // One SUBMIT plus one per transition: the optimistic-lock counter after this history.
      version: w.events.length,
      createdAt: new Date(w.createdAt),
      updatedAt: new Date(w.updatedAt),
    })),
  );
  await insertAll(
    em,
    Assignment,
    childRows(wishes, 'assignments', (a) => ({
      person: a.person.id,
      kind: a.kind,
      active: a.active,
      assignedAt: new Date(a.assignedAt),
      assignedBy: a.assignedBy?.id ?? null,
      releasedAt: a.releasedAt === null ? null : new Date(a.releasedAt),
    })),
  );
  await insertAll(
    em,
    Meeting,
    childRows(wishes, 'meetings', (m) => ({
      heldAt: new Date(m.heldAt),
      place: m.place,
      participants: m.participants,
      decisions: m.decisions,
      recordedBy: m.recordedBy.id,
      // Written up two hours after the meeting.
      createdAt: new Date(m.heldAt + 2 * HOUR),
    })),
  );
  // The sequence grows across all wishes in time order, as the live server would have produced it.
  const events = wishes
    .flatMap((w) => w.events.map((e, index) => ({ w, e, index })))
    .sort((a, b) => a.e.at - b.e.at || a.w.id - b.w.id || a.index - b.index);
  await insertAll(
    em,
    WishEvent,
    events.map(({ w, e }, i) => ({
      sequence: i + 1,
      wish: w.id,
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actor: e.actor?.id ?? null,
      at: new Date(e.at),
      note: e.note,
      data: e.data,
    })),
  );
  return events.length;
}
