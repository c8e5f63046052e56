-- Every server keeps the signed-in account in memory, with what confines it (a password that must
-- change, a second factor required and not enrolled, or enrolled since): a change to those tells
-- every server to forget it too, not only a change of role, state, organization or password.
DROP TRIGGER IF EXISTS users_identity_change ON users;--> statement-breakpoint
CREATE TRIGGER users_identity_change AFTER UPDATE OF username, role, active, organization_id, sessions_valid_from, password_hash, must_change_password, password_changed_at, totp_enabled_at, second_factor_exempt OR DELETE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION notify_identity_change();
