import type { AuthProvider } from 'react-admin';
import { graphql } from './data-provider';
import { setTimeZone } from './dates';
import { LoginDocument, LoginSecondFactorDocument, LogoutDocument, MyPermissionsDocument, type LoginMutation } from './generated/operations';
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
/** Set while an administrator's session must enrol a second factor before anything else. */
const SECOND_FACTOR_ENROLMENT = 'township.secondFactorEnrolment';

type SessionUser = LoginMutation['login']['user'];

export { sessionToken };

function clear() {
  localStorage.removeItem(TOKEN);
  localStorage.removeItem(USER);
  localStorage.removeItem(PERMISSIONS);
  localStorage.removeItem(PASSWORD_CHANGE);
  localStorage.removeItem(SECOND_FACTOR_ENROLMENT);
}

/** The reason the password must change now (SET_BY_ADMINISTRATOR, EXPIRED), or null. */
export const passwordChangeDue = (): string | null => localStorage.getItem(PASSWORD_CHANGE);

function setPasswordChange(reason: string | null) {
  if (reason) localStorage.setItem(PASSWORD_CHANGE, reason);
  else localStorage.removeItem(PASSWORD_CHANGE);
  window.dispatchEvent(new Event(PASSWORD_CHANGE_EVENT));
}

/** Must this session enrol a second factor before anything else (an administrator's role requires one)? */
export const secondFactorEnrolmentDue = (): boolean => localStorage.getItem(SECOND_FACTOR_ENROLMENT) === 'true';

export function setSecondFactorEnrolment(due: boolean) {
  if (due) localStorage.setItem(SECOND_FACTOR_ENROLMENT, 'true');
  else localStorage.removeItem(SECOND_FACTOR_ENROLMENT);
  window.dispatchEvent(new Event(PASSWORD_CHANGE_EVENT));
}

/** Enrolled: what the session may do is asked again, and the usual screens come back. */
export async function secondFactorEnrolled(): Promise<void> {
  loading = loadPermissions();
  await loading;
  setSecondFactorEnrolment(false);
}

/** Calls `listener` whenever the password-change or enrolment state changes (sign-in, a refusal, the change). */
export function onPasswordChange(listener: () => void): () => void {
  window.addEventListener(PASSWORD_CHANGE_EVENT, listener);
  return () => window.removeEventListener(PASSWORD_CHANGE_EVENT, listener);
}

/** The password changed: the new session replaces the old one, which the change ended. */
export async function passwordChanged(token: string, enrolment = false): Promise<void> {
  localStorage.setItem(TOKEN, token);
  if (enrolment) localStorage.setItem(SECOND_FACTOR_ENROLMENT, 'true');
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
  /**
   * The password (`username`, `password`), or the second step of a sign-in with a second factor
   * (`challenge`, `code`). A first step that needs the second fails with reason
   * SECOND_FACTOR_REQUIRED and the challenge in the error's body (LoginPage asks the code).
   */
  async login(params: { username: string; password: string } | { challenge: string; code: string }) {
    clear();
    const session =
      'challenge' in params
        ? (await graphql(LoginSecondFactorDocument, { challenge: params.challenge, code: params.code })).loginSecondFactor
        : (await graphql(LoginDocument, { username: params.username, password: params.password })).login;
    localStorage.setItem(TOKEN, session.token);
    localStorage.setItem(USER, JSON.stringify(session.user));
    if (session.secondFactorEnrolment) localStorage.setItem(SECOND_FACTOR_ENROLMENT, 'true');
    loading = loadPermissions();
    await loading;
    setPasswordChange(session.passwordChange ?? null);
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
    if (error?.body?.reason === 'SECOND_FACTOR_ENROLMENT_REQUIRED') {
      setSecondFactorEnrolment(true);
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
