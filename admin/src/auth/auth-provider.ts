import type { AuthProvider } from 'react-admin';
import { GRAPHQL_URL } from '../data/graphql-endpoint.ts';
import { graphQLErrorsOf, hasErrorCode, isUnauthenticated } from './graphql-errors.ts';
import { clearSession, getSessionUser, getToken, type SessionUser, saveSession } from './session.ts';

const LOGIN = /* GraphQL */ `
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      token
      user {
        id
        displayName
        roles {
          role
          orgUnit {
            id
            name
          }
        }
      }
    }
  }
`;

interface LoginResponse {
  data?: { login?: { token: string; user: SessionUser } | null } | null;
  errors?: unknown[];
}

interface Credentials {
  username: string;
  password: string;
}

const requestLogin = async ({ username, password }: Credentials): Promise<LoginResponse> => {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: LOGIN, variables: { username, password } }),
    });
  } catch {
    throw new Error('ra.notification.http_error');
  }
  try {
    return (await response.json()) as LoginResponse;
  } catch {
    // Not a GraphQL answer at all (a proxy error page, a server that is down).
    throw new Error('ra.notification.http_error');
  }
};

// Error messages thrown here are shown by react-admin's login form, which translates them as i18n keys.
export const authProvider: AuthProvider = {
  async login(credentials: Credentials) {
    const result = await requestLogin(credentials);
    const session = result.data?.login;
    if (session) {
      saveSession(session.token, session.user);
      return;
    }
    if (hasErrorCode(result, 'UNAUTHENTICATED') || hasErrorCode(result, 'BAD_USER_INPUT')) {
      throw new Error('ra.auth.sign_in_error');
    }
    const message = graphQLErrorsOf(result).find((e) => typeof e.message === 'string')?.message;
    throw new Error(typeof message === 'string' ? message : 'ra.auth.sign_in_error');
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
