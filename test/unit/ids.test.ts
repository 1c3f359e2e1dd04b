import { describe, expect, it } from 'vitest';
import { decodeId, encodeId } from '../../server/src/graphql/ids.ts';

describe('opaque ids', () => {
  it('round-trips an id of its own type', () => {
    expect(decodeId('Wish', encodeId('Wish', 42))).toBe(42);
  });

  it('refuses an id of another type, malformed text and out-of-range numbers', () => {
    expect(decodeId('Wish', encodeId('OrgUnit', 42))).toBeNull();
    for (const bad of [
      '',
      '42',
      'not an id!',
      Buffer.from('Wish:0').toString('base64url'),
      Buffer.from('Wish:-1').toString('base64url'),
      Buffer.from('Wish:99999999999').toString('base64url'),
      'x'.repeat(100),
    ]) {
      expect(decodeId('Wish', bad)).toBeNull();
    }
    expect(decodeId('Wish', 42)).toBeNull();
  });
});
