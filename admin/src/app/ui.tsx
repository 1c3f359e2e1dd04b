/** Small pieces every screen uses: the state of an action, a status badge, dates in street time, loading. */
import type { ChangeEvent } from 'react';
import type { WishStatus } from '../gql/graphql.ts';
import type { ActionState } from './hooks.ts';
import { useApp } from './hooks.ts';
import type { Locale, TextKey, Translate } from './texts.ts';

const KNOWN_ERRORS = new Set(['NETWORK', 'FORBIDDEN', 'CONFLICT', 'BAD_USER_INPUT', 'INVALID_TRANSITION', 'NOT_FOUND']);

export function errorText(t: Translate, state: { code: string; message: string }): string {
  const code = KNOWN_ERRORS.has(state.code) ? state.code : 'UNKNOWN';
  return t(`error.${code}` as TextKey, { message: state.message });
}

/** "Sending…" while pending; the reason and that the draft is kept when it failed. */
export function Feedback({ state, draft = false }: { state: ActionState; draft?: boolean }) {
  const { t } = useApp();
  if (state.kind === 'pending') {
    return (
      <p className="feedback pending" role="status">
        {t('app.pending')}
      </p>
    );
  }
  if (state.kind === 'failed') {
    return (
      <div className="feedback failed" role="alert">
        <p>{t('app.failed', { reason: errorText(t, state) })}</p>
        {draft && <p>{t('app.draftKept')}</p>}
      </div>
    );
  }
  return null;
}

interface TextFieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  maxLength?: number;
  placeholder?: string;
  /** A textarea of this many rows; without it, a one-line input. */
  rows?: number;
  type?: string;
  autoComplete?: string;
  inputMode?: 'tel';
}

/** A labelled text field of the app's forms: a one-line input, or a textarea when `rows` is given. */
export function TextField({ label, onChange, rows, type, inputMode, ...field }: TextFieldProps) {
  const change = (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(e.target.value);
  if (rows !== undefined) {
    return (
      <label className="field">
        <span>{label}</span>
        <textarea {...field} rows={rows} onChange={change} />
      </label>
    );
  }
  return (
    <label className="field">
      <span>{label}</span>
      <input {...field} type={type} inputMode={inputMode} onChange={change} />
    </label>
  );
}

export function StatusBadge({ status }: { status: WishStatus }) {
  const { t } = useApp();
  return <span className={`badge status-${status}`}>{t(`status.${status}`)}</span>;
}

export function formatDate(locale: Locale, iso: string, withTime = true): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Shanghai',
    month: 'short',
    day: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', hour12: false } : {}),
  }).format(new Date(iso));
}

export function Loading({ failed, onRetry }: { failed: boolean; onRetry: () => void }) {
  const { t } = useApp();
  if (failed) {
    return (
      <div className="feedback failed" role="alert">
        <p>{t('app.loadFailed')}</p>
        <button type="button" className="button secondary" onClick={onRetry}>
          {t('app.retry')}
        </button>
      </div>
    );
  }
  return (
    <p className="muted" role="status">
      {t('app.loading')}
    </p>
  );
}

/** The name of a category or unit in the reader's language. */
export const localName = (locale: Locale, named: { name: string; nameZh: string }): string =>
  locale === 'en' ? named.name : named.nameZh;
