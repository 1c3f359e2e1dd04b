import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  controlCharacterError,
  forbiddenControl,
  variableErrorField,
} from '../../server/src/graphql/input-text.plugin.ts';

const refused = (query: string, variables: Record<string, unknown> = {}) => {
  const error = controlCharacterError(parse(query), undefined, variables);
  return error ? { code: error.extensions.code, field: error.extensions.field } : null;
};

describe('control characters in string input', () => {
  it('finds C0, DEL and C1 characters; line breaks and tabs only where several lines are allowed', () => {
    for (const c of [0x00, 0x01, 0x07, 0x0b, 0x0c, 0x1b, 0x1f, 0x7f, 0x80, 0x85, 0x9f]) {
      expect(forbiddenControl(`a${String.fromCharCode(c)}b`, true), c.toString(16)).toBe(c);
    }
    for (const c of [0x09, 0x0a, 0x0d]) {
      expect(forbiddenControl(`a${String.fromCharCode(c)}b`, false)).toBe(c);
      expect(forbiddenControl(`a${String.fromCharCode(c)}b`, true)).toBeNull();
    }
    expect(forbiddenControl('楼道灯不亮 — ½ ™ \u00a0 \u2028 😀', false)).toBeNull();
  });

  it('names the argument or input field, wherever the string is written', () => {
    const bad = { code: 'BAD_USER_INPUT' };
    expect(refused('{ wish(id: "a\\u0000") { id } }')).toEqual({ ...bad, field: 'id' });
    expect(refused('{ wishList(filter: { ids: ["x", "y\\u0001"] }) { totalCount } }')).toEqual({
      ...bad,
      field: 'ids',
    });
    expect(refused('query($q: String) { wishList(filter: { q: $q }) { totalCount } }', { q: '\u0000' })).toEqual({
      ...bad,
      field: 'q',
    });
    // A variable is named by what it stands for, not by its own name.
    expect(refused('query($x: String) { wishList(filter: { q: $x }) { totalCount } }', { x: 'a\u007f' })).toEqual({
      ...bad,
      field: 'q',
    });
    expect(
      refused('mutation($i: SubmitWishInput!) { submitWish(input: $i) { wish { id } } }', { i: { title: 'a\nb' } }),
    ).toEqual({
      ...bad,
      field: 'title',
    });
    expect(refused('mutation($u: String = "a\\u0000") { login(username: $u, password: "p") { token } }')).toEqual({
      ...bad,
      field: 'username',
    });
    // In fragments and directives too.
    expect(refused('query { ...F } fragment F on Query { wishList(filter: { q: "\\u0000" }) { totalCount } }')).toEqual(
      {
        ...bad,
        field: 'q',
      },
    );
  });

  it('lets ordinary text, multi-line text and non-strings through, and survives deep nesting', () => {
    expect(
      refused('query($i: X) { a(input: $i) }', { i: { description: 'a\r\n\tb', n: 1, ok: true, none: null } }),
    ).toBeNull();
    expect(refused('query($q: String) { a(q: $q) }', {})).toBeNull();
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(refused('query($i: X) { a(input: $i) }', { i: deep })).toEqual({ code: 'BAD_USER_INPUT', field: 'input' });
  });

  it('names the field of a variable that failed its type', () => {
    expect(
      variableErrorField(
        'Variable "$input" got invalid value "0000-01-01T00:00:00Z" at "input.dueAt"; DateTime must lie in the years 1900–2200',
      ),
    ).toBe('dueAt');
    expect(variableErrorField('Variable "$input" got invalid value "x" at "input.assigneeIds[0]"; …')).toBe(
      'assigneeIds',
    );
    expect(variableErrorField('Variable "$from" got invalid value "x"; DateTime must be …')).toBe('from');
    expect(variableErrorField('Variable "$u" of required type "String!" was not provided.')).toBe('u');
    expect(variableErrorField('Something else')).toBeNull();
  });
});
