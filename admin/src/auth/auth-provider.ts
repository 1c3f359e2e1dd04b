import { print } from 'graphql';
import type { AuthProvider } from 'react-admin';
import { ApiError, request } from '../data/graphql-fetch.ts';
import { graphql } from '../gql/gql.ts';
import type { LoginMutation } from '../gql/graphql.ts';
import { isUnauthenticated } from './graphql-errors.ts';
import { clearSession, getSessionUser, getToken, saveSession } from './session.ts';

const LOGIN = print(
  graphql(`
    mutation Login($username: String!, $password: String!) {
      login(username: $username, password: $password) { token user { id displayName roles { role orgUnit { id name } } } }
    }
  `),
);

/** Roles that use the staff panel; anyone else is sent to the app at /app/ after signing in. */
const STAFF_ROLES: ReadonlySet<string> = new Set(['GRID_WORKER', 'BRANCH_SECRETARY', 'STREET_ADMIN', 'DISPLAY']);

interface Credentials {
  username: string;
  password: string;
}

/** The server's reason for a refused sign-in, as the login form shows it (it translates i18n keys). */
function signInError(error: unknown): Error {
  if (!(error instanceof ApiError)) return error instanceof Error ? error : new Error(String(error));
  if (error.code === 'NETWORK') return new Error('ra.notification.http_error');
  if (error.code === 'UNAUTHENTICATED' || error.code === 'BAD_USER_INPUT') return new Error('ra.auth.sign_in_error');
  return new Error(error.message);
}

export const authProvider: AuthProvider = {
  async login({ username, password }: Credentials) {
    let session: LoginMutation['login'];
    try {
      ({ login: session } = await request<LoginMutation>(LOGIN, { username, password }, null));
    } catch (error) {
      throw signInError(error);
    }
    if (!session) throw new Error('ra.auth.sign_in_error');
    saveSession(session.token, session.user);
    // Residents, party members and volunteers without a staff role use the app (same session); staff stay.
    if (!session.user.roles.some((r) => STAFF_ROLES.has(r.role))) {
      window.location.assign('/app/');
      // The page is leaving: do not let the panel render its staff screens meanwhile.
      await new Promise<never>(() => undefined);
    }
  },

  async logout() {
    clearSession();
  },

  async checkAuth() {
    if (getToken() === null) throw new Error('ra.auth.auth_check_error');
  },

  async checkError(error: unknown) {
    if (isUnauthenticated(error)) {
      clearSession();
      throw new Error('ra.notification.logged_out');
    }
  },

  async getIdentity() {
    const user = getSessionUser();
    if (user === null) throw new Error('ra.auth.auth_check_error');
    // Roles let screens hide what the viewer may not do; the server still decides.
    return { id: user.id, fullName: user.displayName, roles: user.roles };
  },
};
