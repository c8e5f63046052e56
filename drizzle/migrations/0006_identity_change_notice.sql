-- Servers keep the accounts and API tokens requests are signed with in memory; any change that can
-- end or narrow a sign-in tells every server at once (on commit) to forget what it keeps.
-- OR REPLACE: a restore with --force empties the tables, not the functions, and runs this again.
CREATE OR REPLACE FUNCTION notify_identity_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('identity_changed', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER users_identity_change AFTER UPDATE OF username, role, active, organization_id, sessions_valid_from, password_hash OR DELETE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION notify_identity_change();--> statement-breakpoint
CREATE TRIGGER api_tokens_identity_change AFTER UPDATE OR DELETE ON api_tokens
  FOR EACH STATEMENT EXECUTE FUNCTION notify_identity_change();--> statement-breakpoint
CREATE TRIGGER organizations_identity_change AFTER UPDATE OF kind OR DELETE ON organizations
  FOR EACH STATEMENT EXECUTE FUNCTION notify_identity_change();
