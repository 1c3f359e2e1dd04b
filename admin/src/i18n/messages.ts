/** A message catalogue (or part of one), as polyglot reads it. */
export type Messages = { [key: string]: string | Messages };

/** Each resource folder's `messages.ts` exports one of these: its part of both catalogues. */
export interface ResourceMessages {
  'zh-CN': Messages;
  en: Messages;
}

/** Deep-merges catalogues; a later string wins over an earlier one for the same key. */
export function mergeMessages(...parts: Messages[]): Messages {
  const out: Messages = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      const current = out[key];
      out[key] = typeof value === 'object' && typeof current === 'object' ? mergeMessages(current, value) : value;
    }
  }
  return out;
}
