import type { AuthProvider } from 'react-admin';
import { graphql } from './data-provider';
import { setTimeZone } from './dates';
import { LoginDocument, MyPermissionsDocument, type LoginMutation } from './generated/operations';
import type { Permissions } from './permissions';
import { sessionToken, TOKEN_KEY } from './session-token';

// Sessions are signed tokens from the API's `login`; the browser keeps the token and sends it as
// `Authorization: Bearer …` with every request (data-provider.ts). What the user may do
// (`myPermissions`) and the zone that decides "today" are asked once, right after signing in, and
// kept with the session.

const TOKEN = TOKEN_KEY;
const USER = 'township.user';
const PERMISSIONS = 'township.permissions';

type SessionUser = LoginMutation['login']['user'];

export { sessionToken };

function clear() {
  localStorage.removeItem(TOKEN);
  localStorage.removeItem(USER);
  localStorage.removeItem(PERMISSIONS);
}

async function loadPermissions(): Promise<Permissions> {
  const data = await graphql(MyPermissionsDocument);
  setTimeZone(data.timeZone);
  localStorage.setItem(PERMISSIONS, JSON.stringify(data.myPermissions));
  return data.myPermissions;
}

let loading: Promise<Permissions> | undefined;

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    clear();
    const data = await graphql(LoginDocument, { username, password });
    localStorage.setItem(TOKEN, data.login.token);
    localStorage.setItem(USER, JSON.stringify(data.login.user));
    loading = loadPermissions();
    await loading;
  },
  async logout() {
    clear();
    loading = undefined;
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
    if (!sessionToken()) return null;
    const kept = localStorage.getItem(PERMISSIONS);
    if (kept) return JSON.parse(kept) as Permissions;
    // A session from before permissions were kept: ask once.
    loading ??= loadPermissions();
    return loading;
  },
};
