import englishMessages from 'ra-language-english';
import { describe, expect, it } from 'vitest';
import {
  ActivityStatus,
  OrgUnitKind,
  PointEntryKind,
  PointSourceType,
  PropertyCommitteeMemberRole,
  PropertyCommitteeStatus,
  PropertyServiceMode,
  PropertyStatus,
  Role,
  SignUpStatus,
  WishAction,
  WishChannel,
  WishStatus,
} from '../../admin/src/gql/graphql.ts';
import { catalog } from '../../admin/src/i18n/catalog.ts';
import { WISH_STATUSES } from '../../admin/src/wishes/wish-statuses.ts';

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
  ...WISH_STATUSES.map((status) => `wishgrid.status.${status}`),
];

/** Where the panel labels each of the API's enums (generated from the schema): every value needs a label. */
const ENUM_LABELS: [string, Record<string, string>][] = [
  ['wishgrid.status', WishStatus],
  ['wishgrid.action', WishAction],
  ['wishgrid.role', Role],
  ['wishgrid.channel', WishChannel],
  ['wishgrid.people.role', Role],
  ['wishgrid.orgUnits.kind', OrgUnitKind],
  ['wishgrid.orgUnits.propertyStatus', PropertyStatus],
  ['wishgrid.propertyCommittees.serviceMode', PropertyServiceMode],
  ['wishgrid.propertyCommittees.status', PropertyCommitteeStatus],
  ['wishgrid.propertyCommittees.memberRole', PropertyCommitteeMemberRole],
  ['wishgrid.activities.status', ActivityStatus],
  ['wishgrid.activities.signUpStatus', SignUpStatus],
  ['wishgrid.pointKind', PointEntryKind],
  ['wishgrid.pointEntries.sourceType', PointSourceType],
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

  it('label every value of the enums the panel shows, in both languages', () => {
    const keys = ENUM_LABELS.flatMap(([prefix, values]) => Object.values(values).map((value) => `${prefix}.${value}`));
    expect(keys.filter((key) => !zhCN.has(key))).toEqual([]);
    expect(keys.filter((key) => !en.has(key))).toEqual([]);
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
