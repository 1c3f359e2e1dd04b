import { type FormEvent, useState } from 'react';
import { ApiError, request } from '../data/graphql-fetch.ts';
import { LOGIN } from './queries.ts';
import { t } from './translate.ts';

interface Props {
  onSignedIn: (token: string) => void;
  /** The board was signed out by the server (token refused): say so. */
  expired: boolean;
}

/** One labelled input of the form (`name` is also its label's key). */
const Field = ({
  name,
  value,
  onChange,
  ...input
}: {
  name: 'username' | 'password';
  value: string;
  onChange: (value: string) => void;
  type?: string;
  autoComplete: string;
}) => (
  <label className="login__field">
    <span>{t(`login.${name}`)}</span>
    <input name={name} value={value} onChange={(e) => onChange(e.target.value)} required {...input} />
  </label>
);

/** A large sign-in form for the hall's DISPLAY account, usable with a remote or a touch screen. */
export const LoginForm = ({ onSignedIn, expired }: Props) => {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(expired ? t('login.signedOut') : null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { login } = await request<{ login: { token: string } }>(LOGIN, { username, password }, null);
      onSignedIn(login.token);
    } catch (e) {
      setError(e instanceof ApiError && e.code === 'NETWORK' ? t('login.network') : t('login.failed'));
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <form className="login__form" onSubmit={submit}>
        <h1 className="login__title">{t('login.title')}</h1>
        <p className="login__hint">{t('login.hint')}</p>
        <Field name="username" autoComplete="username" value={username} onChange={setUsername} />
        <Field
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
        />
        {error && (
          <p className="login__error" role="alert">
            {error}
          </p>
        )}
        <button className="login__submit" type="submit" disabled={busy}>
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </main>
  );
};
