/** Sign-in with a username and password (the panel's session: signing in here signs in there too). */
import { useState } from 'react';
import { saveSession } from '../auth/session.ts';
import { call } from './api.ts';
import { APP_LOGIN } from './documents.ts';
import { go, useAction } from './hooks.ts';
import type { Translate } from './texts.ts';
import { errorText, TextField } from './ui.tsx';

export function Login({ t, onSignedIn }: { t: Translate; onSignedIn: () => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { state, run } = useAction();
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const result = await run(() => call(APP_LOGIN, { username: username.trim(), password }));
    if (result) {
      saveSession(result.login.token, result.login.user);
      onSignedIn();
    }
  };
  const failure =
    state.kind === 'failed'
      ? state.code === 'UNAUTHENTICATED' || state.code === 'BAD_USER_INPUT'
        ? t('login.failed')
        : t('app.failed', { reason: errorText(t, state) })
      : null;
  return (
    <form className="form login" onSubmit={submit} aria-labelledby="login-title">
      <h1 id="login-title">{t('login.title')}</h1>
      <TextField
        label={t('login.username')}
        name="username"
        autoComplete="username"
        value={username}
        onChange={setUsername}
      />
      <TextField
        label={t('login.password')}
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
      />
      {failure && (
        <p className="feedback failed" role="alert">
          {failure}
        </p>
      )}
      <button
        type="submit"
        className="button primary big"
        disabled={state.kind === 'pending' || !username || !password}
      >
        {state.kind === 'pending' ? t('app.pending') : t('login.submit')}
      </button>
      <button
        type="button"
        className="link"
        onClick={() =>
          go(`register${window.location.hash.split('?')[1] ? `?${window.location.hash.split('?')[1]}` : ''}`)
        }
      >
        {t('login.register')}
      </button>
    </form>
  );
}
