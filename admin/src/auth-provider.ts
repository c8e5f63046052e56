import type { AuthProvider } from 'react-admin';
import { graphql } from './data-provider';

// Sessions are signed tokens from the API's `login`; the browser keeps the token and sends it as
// `Authorization: Bearer …` with every request (data-provider.ts).

const TOKEN = 'township.token';
const USER = 'township.user';

interface SessionUser {
  id: string;
  username: string;
  displayName: string | null;
  role: string;
}

export const sessionToken = (): string | null => localStorage.getItem(TOKEN);

function clear() {
  localStorage.removeItem(TOKEN);
  localStorage.removeItem(USER);
}

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    const data = await graphql<{ login: { token: string; user: SessionUser } }>(
      'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token user { id username displayName role } } }',
      { u: username, p: password },
    );
    localStorage.setItem(TOKEN, data.login.token);
    localStorage.setItem(USER, JSON.stringify(data.login.user));
  },
  async logout() {
    clear();
  },
  async checkAuth() {
    if (!sessionToken()) throw new Error('ra.auth.auth_check_error');
  },
  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      clear();
      throw new Error('ra.auth.auth_check_error');
    }
  },
  async getIdentity() {
    const user = JSON.parse(localStorage.getItem(USER) ?? 'null') as SessionUser | null;
    if (!user) throw new Error('ra.auth.auth_check_error');
    return { id: user.id, fullName: user.displayName ?? user.username };
  },
  async getPermissions() {
    const user = JSON.parse(localStorage.getItem(USER) ?? 'null') as SessionUser | null;
    return user?.role ?? null;
  },
};
