import { describe, expect, it } from 'vitest';
import { createTranslate, TEXTS } from '../../admin/src/app/texts.ts';
import { WishAction, WishStatus } from '../../admin/src/gql/graphql.ts';

const placeholders = (message: string): string[] =>
  Array.from(message.matchAll(/%\{(\w+)\}/g), (match) => match[1] ?? '').sort();

describe('the app’s texts', () => {
  const zh = TEXTS['zh-CN'];
  const en = TEXTS.en;

  it('give zh-CN and English exactly the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it('use the same placeholders in both languages, and leave no message empty', () => {
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]));
      expect(zh[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
    }
  });

  it('name every wish status and action of the schema', () => {
    for (const status of Object.values(WishStatus)) expect(zh).toHaveProperty(`status.${status}`);
    for (const action of Object.values(WishAction)) expect(zh).toHaveProperty(`action.${action}`);
  });

  it('fills placeholders and keeps Chinese first', () => {
    expect(createTranslate('zh-CN')('points.rank', { rank: 3 })).toBe('在本支部排名第 3 位');
    expect(createTranslate('en')('points.rank', { rank: 3 })).toBe('Rank 3 in your branch');
  });
});
