/** Which failures mean "the database cannot be reached in time" (SERVICE_UNAVAILABLE), and the request deadline. */
import { DriverException } from '@mikro-orm/core';
import { describe, expect, it } from 'vitest';
import {
  DatabaseUnavailableError,
  Deadline,
  databaseFailedHere,
  isDatabaseUnavailable,
  SERVICE_UNAVAILABLE_MESSAGE,
  withDeadline,
} from '../../server/src/db/faults.ts';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('database faults', () => {
  it.each([
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:54329', 'ECONNREFUSED')],
    ['a reset connection', withCode('read ECONNRESET', 'ECONNRESET')],
    ['a connect timeout', new Error('timeout expired')],
    ['a connection gone', new Error('Connection terminated unexpectedly')],
    ['PostgreSQL starting up', withCode('the database system is starting up', '57P03')],
    ['PostgreSQL shutting down', withCode('terminating connection due to administrator command', '57P01')],
    ['a statement timeout', withCode('canceling statement due to statement timeout', '57014')],
    ['too many connections', withCode('sorry, too many clients already', '53300')],
    [
      'a pool without a free connection',
      Object.assign(new Error('Knex: Timeout acquiring a connection'), { name: 'KnexTimeoutError' }),
    ],
    ['the guard’s own error', new DatabaseUnavailableError('statement did not answer in time')],
    ['one wrapped by MikroORM', new DriverException(new DatabaseUnavailableError('cut'))],
    ['one as the cause of another', new Error('outer', { cause: withCode('x', 'ECONNREFUSED') })],
  ])('%s is SERVICE_UNAVAILABLE', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('duplicate key value violates unique constraint', '23505')],
    ['a syntax error', withCode('syntax error at or near "selec"', '42601')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['not an error', 'ECONNREFUSED'],
  ])('%s is not', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('tells clients nothing internal, and keeps the cause for the log', () => {
    const error = new DatabaseUnavailableError('connect ECONNREFUSED 127.0.0.1:54329');
    expect(error.message).toBe(SERVICE_UNAVAILABLE_MESSAGE);
    expect(error.message).not.toMatch(/127\.0\.0\.1|ECONN/);
    expect(error.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
    expect(error.reason).toMatch(/ECONNREFUSED/);
  });

  it('a deadline expires at its time or when ended, cuts what runs, and can be lifted for a stream', () => {
    const past = new Deadline(Date.now() - 1);
    expect(past.expired).toBe(true);
    const deadline = new Deadline(Date.now() + 60_000);
    expect(deadline.expired).toBe(false);
    const cut: string[] = [];
    deadline.track(() => cut.push('a'));
    const release = deadline.track(() => cut.push('b'));
    release();
    deadline.expire();
    expect(deadline.expired).toBe(true);
    expect(cut).toEqual(['a']);
    const stream = new Deadline(Date.now() + 10);
    stream.lift();
    expect(stream.at).toBe(Number.POSITIVE_INFINITY);
  });

  it('records the first database failure of the work it scopes', async () => {
    const deadline = new Deadline(Date.now() + 60_000);
    expect(databaseFailedHere()).toBe(false);
    await withDeadline(deadline, async () => {
      await Promise.resolve();
      expect(databaseFailedHere()).toBe(false);
      deadline.noteFailure(new DatabaseUnavailableError('first'));
      deadline.noteFailure(new DatabaseUnavailableError('second'));
      await Promise.resolve();
      expect(databaseFailedHere()).toBe(true);
    });
    expect(deadline.failure?.reason).toBe('first');
    expect(databaseFailedHere()).toBe(false);
  });
});
