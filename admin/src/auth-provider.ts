import type { AuthProvider } from 'react-admin';
import { graphql } from './data-provider';
import { setTimeZone } from './dates';
import { LoginDocument, LogoutDocument, MyPermissionsDocument, type LoginMutation } from './generated/operations';
import type { Permissions } from './permissions';
import { sessionToken, TOKEN_KEY } from './session-token';

// Sessions are signed tokens from the API's `login`; the browser keeps the token and sends it as
// `Authorization: Bearer …` with every request (data-provider.ts). What the user may do
// (`myPermissions`) and the zone that decides "today" are asked once, right after signing in, and
// kept with the session.

const TOKEN = TOKEN_KEY;
const USER = 'township.user';
const PERMISSIONS = 'township.permissions';
/** Why the password must change before anything else (the server's `passwordChange`), while it must. */
const PASSWORD_CHANGE = 'township.passwordChange';
const PASSWORD_CHANGE_EVENT = 'township-password-change';

type SessionUser = LoginMutation['login']['user'];

export { sessionToken };

function clear() {
  localStorage.removeItem(TOKEN);
  localStorage.removeItem(USER);
  localStorage.removeItem(PERMISSIONS);
  localStorage.removeItem(PASSWORD_CHANGE);
}

/** The reason the password must change now (SET_BY_ADMINISTRATOR, EXPIRED), or null. */
export const passwordChangeDue = (): string | null => localStorage.getItem(PASSWORD_CHANGE);

function setPasswordChange(reason: string | null) {
  if (reason) localStorage.setItem(PASSWORD_CHANGE, reason);
  else localStorage.removeItem(PASSWORD_CHANGE);
  window.dispatchEvent(new Event(PASSWORD_CHANGE_EVENT));
}

/** Calls `listener` whenever the password-change state changes (sign-in, a refusal, the change). */
export function onPasswordChange(listener: () => void): () => void {
  window.addEventListener(PASSWORD_CHANGE_EVENT, listener);
  return () => window.removeEventListener(PASSWORD_CHANGE_EVENT, listener);
}

/** The password changed: the new session replaces the old one, which the change ended. */
export async function passwordChanged(token: string): Promise<void> {
  localStorage.setItem(TOKEN, token);
  loading = loadPermissions();
  await loading;
  setPasswordChange(null);
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
    setPasswordChange(data.login.passwordChange ?? null);
  },
  async logout() {
    // The session ends on the server too; a session that already ended is fine to forget.
    if (sessionToken()) await graphql(LogoutDocument).catch(() => undefined);
    clear();
    loading = undefined;
  },
  async checkAuth() {
    if (!sessionToken()) throw new Error('ra.auth.auth_check_error');
  },
  async checkError(error: { status?: number; body?: { reason?: string } }) {
    // The password expired during the session: the change screen, not a sign-out.
    if (error?.body?.reason === 'PASSWORD_CHANGE_REQUIRED') {
      setPasswordChange(passwordChangeDue() ?? 'EXPIRED');
      return;
    }
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
