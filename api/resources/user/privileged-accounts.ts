import { forbidden } from '../../errors';

/** The three administrators of 三员分立. */
export const ADMINISTRATORS = ['SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN'];

/**
 * 三员分立 holds only if none of the three can take over another's account or the county-wide
 * administrator's: an account that holds (or would be given) ADMIN or one of the three roles is
 * written, reset and deleted by the county-wide administrator only, except one's own account.
 * Otherwise the system administrator could reset `admin`'s password and sign in as it, or the
 * security administrator give ADMIN to an account it controls.
 */
export function refusePrivilegedAccount(actorRole: string | null, actorId: number | null, account: { id?: unknown; role?: unknown }, newRole?: unknown): void {
  // One's own account is the rules' (no one changes their own role; a password is one's own).
  if (actorRole === 'ADMIN' || (account.id !== undefined && account.id === actorId)) return;
  const privileged = (r: unknown) => r === 'ADMIN' || ADMINISTRATORS.includes(r as string);
  if (privileged(account.role) || privileged(newRole)) {
    throw forbidden(
      '管理员账号（系统、安全、审计管理员及全县管理员）只能由全县管理员维护',
      'Administrator accounts (system, security, audit and the county-wide administrator) are kept by the county-wide administrator only',
    );
  }
}
