/**
 * A resident registers themselves (no account needed). The compound comes from the registration QR code's
 * address (`#/register?compound=<id>`, or `?unit=<street or community id>` to choose it from the public
 * board's branches). The new account is PENDING until the compound's staff verify it, and the page says so.
 */
import { useEffect, useMemo, useState } from 'react';
import { call } from './api.ts';
import { APP_REGISTER, APP_UNITS_PUBLIC } from './documents.ts';
import { go, useAction, useDraft } from './hooks.ts';
import type { Locale, Translate } from './texts.ts';
import { errorText, localName, TextField } from './ui.tsx';

interface Unit {
  id: string;
  name: string;
  nameZh: string;
}

const param = (name: string): string | null => new URLSearchParams(window.location.hash.split('?')[1] ?? '').get(name);

export function Register({ t, locale }: { t: Translate; locale: Locale }) {
  const fixedCompound = param('compound');
  const root = param('unit');
  const empty = useMemo(() => ({ displayName: '', phone: '', username: '', address: '', path: [] as string[] }), []);
  // The password is never written to the device.
  const [draft, update, clear] = useDraft('register', empty);
  const [password, setPassword] = useState('');
  const [levels, setLevels] = useState<Unit[][]>([]);
  const { state, run } = useAction();
  const [done, setDone] = useState(false);

  // Each chosen unit's branches are the next choice; a unit without branches is the compound.
  useEffect(() => {
    if (fixedCompound || !root) return;
    let live = true;
    const chain = [root, ...draft.path];
    Promise.all(
      chain.map((id) =>
        call(APP_UNITS_PUBLIC, { unit: id }).then(
          (r) => r.publicBoard.branches.map((b) => b.unit),
          () => [] as Unit[],
        ),
      ),
    ).then((lists) => {
      if (live) setLevels(lists.filter((list) => list.length > 0));
    });
    return () => {
      live = false;
    };
  }, [fixedCompound, root, draft.path]);

  const compoundId =
    fixedCompound ?? (draft.path.length > 0 && levels.length <= draft.path.length ? draft.path.at(-1) : null);

  if (done) {
    return (
      <div className="form">
        <h1>{t('register.title')}</h1>
        <p className="feedback ok" role="status">
          {t('register.done')}
        </p>
        <button type="button" className="button primary big" onClick={() => go('')}>
          {t('register.toLogin')}
        </button>
      </div>
    );
  }
  if (!fixedCompound && !root) {
    return (
      <div className="form">
        <h1>{t('register.title')}</h1>
        <p className="feedback">{t('register.noUnit')}</p>
        <button type="button" className="link" onClick={() => go('')}>
          {t('login.title')}
        </button>
      </div>
    );
  }

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!compoundId) return;
    const result = await run(() =>
      call(APP_REGISTER, {
        input: {
          displayName: draft.displayName.trim(),
          phone: draft.phone.trim(),
          username: draft.username.trim(),
          password,
          address: draft.address.trim(),
          compoundId,
          language: locale === 'en' ? 'EN' : 'ZH_CN',
        },
      }),
    );
    if (result) {
      clear();
      setDone(true);
    }
  };

  const field = (key: 'displayName' | 'phone' | 'username' | 'address', type = 'text') => (
    <TextField
      label={t(`register.${key}`)}
      name={key}
      type={type}
      value={draft[key]}
      inputMode={key === 'phone' ? 'tel' : undefined}
      autoComplete={key === 'username' ? 'username' : undefined}
      onChange={(value) => update({ [key]: value })}
    />
  );

  return (
    <form className="form" onSubmit={submit} aria-labelledby="register-title">
      <h1 id="register-title">{t('register.title')}</h1>
      {field('displayName')}
      {field('phone', 'tel')}
      {!fixedCompound &&
        levels.map((units, level) => (
          <label className="field" key={units[0]?.id ?? level}>
            <span>{level === levels.length - 1 ? t('register.compound') : t('register.community')}</span>
            <select
              name={`unit-${level}`}
              value={draft.path[level] ?? ''}
              onChange={(e) => update({ path: [...draft.path.slice(0, level), e.target.value].filter(Boolean) })}
            >
              <option value="">{t('register.choose')}</option>
              {units.map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {localName(locale, unit)}
                </option>
              ))}
            </select>
          </label>
        ))}
      {field('address')}
      {field('username')}
      <TextField
        label={t('register.password')}
        name="password"
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={setPassword}
      />
      {state.kind === 'failed' && (
        <div className="feedback failed" role="alert">
          <p>{t('app.failed', { reason: errorText(t, state) })}</p>
          <p>{t('app.draftKept')}</p>
        </div>
      )}
      <button type="submit" className="button primary big" disabled={state.kind === 'pending' || !compoundId}>
        {state.kind === 'pending' ? t('app.pending') : t('register.submit')}
      </button>
    </form>
  );
}
