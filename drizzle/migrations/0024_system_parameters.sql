CREATE TYPE "public"."system_parameter_key" AS ENUM('VACANCY_RATE_CAP', 'PROFESSIONAL_LAW_HOURS_MIN', 'GENERAL_LAW_DAYS_MIN', 'MILITARY_DRILL_DAYS_MIN', 'ROADSHOWS_PER_YEAR_MIN', 'GUIDED_CASES_PER_YEAR_MIN', 'INDUCTION_WITHIN_DAYS', 'BODY_CAMERAS_MIN', 'SQUAD_LEADERS', 'DEPUTY_SQUAD_LEADERS', 'LEGAL_STAFF_MIN', 'CERTIFIED_SHARE_MIN', 'PATROL_GRIDS_MIN', 'LIAISONS_MIN', 'FLAGGED_SUPERVISION_DAYS', 'REFERRAL_RECEIPT_DAYS', 'REFERRAL_DECISION_DAYS', 'DISPATCH_ACK_HOURS', 'DISPATCH_ARRIVAL_HOURS', 'PASSWORD_MIN_LENGTH', 'PASSWORD_MIN_CLASSES', 'PASSWORD_HISTORY', 'PASSWORD_MAX_AGE_DAYS', 'LOGIN_MAX_FAILURES', 'LOGIN_LOCK_MINUTES', 'SESSION_IDLE_MINUTES', 'SESSION_SECONDS');--> statement-breakpoint
CREATE TABLE "system_parameters" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "system_parameters_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"key" "system_parameter_key" NOT NULL,
	"value" double precision NOT NULL,
	"changed_by_id" integer,
	CONSTRAINT "system_parameters_key_unique" UNIQUE("key")
);
--> statement-breakpoint
ALTER TABLE "system_parameters" ADD CONSTRAINT "system_parameters_changed_by_id_users_id_fk" FOREIGN KEY ("changed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Servers keep the parameters in memory between requests; any change tells every server at once
-- (on commit) to read them again. OR REPLACE: a restore with --force runs this again.
CREATE OR REPLACE FUNCTION notify_parameters_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('parameters_changed', TG_OP);
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER system_parameters_change AFTER INSERT OR UPDATE OR DELETE ON system_parameters
  FOR EACH STATEMENT EXECUTE FUNCTION notify_parameters_change();
