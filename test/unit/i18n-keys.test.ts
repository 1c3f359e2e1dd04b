import englishMessages from 'ra-language-english';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../admin/src/i18n/catalog.ts';

type Messages = { [key: string]: string | Messages };

/** `{ ra: { action: { add: 'Add' } } }` → `{ 'ra.action.add': 'Add' }`, as polyglot looks keys up. */
const flatten = (messages: Messages, prefix = ''): Map<string, string> => {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') flat.set(path, value);
    else for (const entry of flatten(value, path)) flat.set(...entry);
  }
  return flat;
};

const placeholders = (message: string): Set<string> =>
  new Set(Array.from(message.matchAll(/%\{(\w+)\}/g), (match) => match[1] ?? ''));

// react-admin's own English catalogue labels a null boolean with a single space on purpose.
const INTENTIONALLY_BLANK = new Set(['ra.boolean.null']);

const APP_KEYS = [
  'resources.wishes.name',
  'resources.wishes.fields.title',
  'resources.wishes.fields.status',
  'resources.wishes.fields.category',
  'resources.wishes.fields.compound',
  'resources.wishes.fields.createdAt',
  ...['SUBMITTED', 'OPEN_FOR_CLAIM', 'DISPATCHED', 'ACCEPTED', 'RESOLVED', 'CLOSED', 'REJECTED', 'CANCELLED'].map(
    (status) => `wishgrid.status.${status}`,
  ),
];

const zhCN = flatten(catalog['zh-CN'] as Messages);
const en = flatten(catalog.en as Messages);
const raEnglish = flatten(englishMessages as Messages);

describe('the admin panel translations', () => {
  it('give zh-CN and English exactly the same keys', () => {
    expect([...zhCN.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it('translate every message of ra-language-english into zh-CN', () => {
    const missing = [...raEnglish.keys()].filter((key) => !zhCN.has(key));
    expect(missing).toEqual([]);
  });

  it('cover the wishes resource and every wish status', () => {
    expect(APP_KEYS.filter((key) => !zhCN.has(key))).toEqual([]);
    expect(APP_KEYS.filter((key) => !en.has(key))).toEqual([]);
  });

  it('have no empty message in either language', () => {
    for (const [name, messages] of [
      ['zh-CN', zhCN],
      ['en', en],
    ] as const) {
      const empty = [...messages].filter(([key, value]) => value.trim() === '' && !INTENTIONALLY_BLANK.has(key));
      expect(empty, name).toEqual([]);
    }
  });

  it('use in zh-CN only placeholders that the English message also offers', () => {
    const invented = [...zhCN].flatMap(([key, message]) => {
      const offered = placeholders(en.get(key) ?? '');
      return [...placeholders(message)].filter((name) => !offered.has(name)).map((name) => `${key}: %{${name}}`);
    });
    expect(invented).toEqual([]);
  });
});
