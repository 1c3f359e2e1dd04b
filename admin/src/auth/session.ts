// The signed-in session lives in localStorage so that a reload keeps the staff member signed in.
import type { LoginMutation } from '../gql/graphql.ts';

const TOKEN_KEY = 'wishgrid.token';
const USER_KEY = 'wishgrid.user';

/** The signed-in person as the login answered: who they are and their roles (to hide what they may not do). */
export type SessionUser = NonNullable<LoginMutation['login']>['user'];

export type SessionRole = SessionUser['roles'][number];

export const getToken = (): string | null => localStorage.getItem(TOKEN_KEY);

export const getSessionUser = (): SessionUser | null => {
  const stored = localStorage.getItem(USER_KEY);
  if (stored === null) return null;
  try {
    return JSON.parse(stored) as SessionUser;
  } catch {
    // A value written by an older build, or by hand: treat it as no session.
    return null;
  }
};

export const saveSession = (token: string, user: SessionUser): void => {
  localStorage.setItem(TOKEN_KEY, token);
  localStorage.setItem(USER_KEY, JSON.stringify(user));
};

export const clearSession = (): void => {
  localStorage.removeItem(TOKEN_KEY);
  localStorage.removeItem(USER_KEY);
};
