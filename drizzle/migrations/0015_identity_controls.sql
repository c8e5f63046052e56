CREATE TYPE "public"."login_reason" AS ENUM('SIGNED_IN', 'PASSWORD_MUST_CHANGE', 'WRONG_PASSWORD', 'UNKNOWN_USER', 'DISABLED', 'NO_PASSWORD', 'ACCOUNT_LOCKED', 'ADDRESS_LIMITED');--> statement-breakpoint
CREATE TYPE "public"."login_result" AS ENUM('SUCCEEDED', 'FAILED');--> statement-breakpoint
CREATE TYPE "public"."session_end" AS ENUM('SIGNED_OUT', 'FORCED', 'IDLE', 'PASSWORD_CHANGED');--> statement-breakpoint
CREATE TABLE "login_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "login_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"username" varchar(100) NOT NULL,
	"user_id" integer,
	"address" varchar(100),
	"user_agent" varchar(300),
	"result" "login_result" NOT NULL,
	"reason" "login_reason" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_sessions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "user_sessions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" integer NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"address" varchar(100),
	"user_agent" varchar(300),
	"ended_at" timestamp with time zone,
	"ended_by" "session_end",
	"ended_by_id" integer
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "password_changed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "password_history" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "login_events" ADD CONSTRAINT "login_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_ended_by_id_users_id_fk" FOREIGN KEY ("ended_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "login_events_at_index" ON "login_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "login_events_user_id_index" ON "login_events" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "user_sessions_user_id_index" ON "user_sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "user_sessions_last_seen_at_index" ON "user_sessions" USING btree ("last_seen_at");--> statement-breakpoint
-- Accounts that exist at the upgrade start their password age from it, rather than being expired
-- (or never expiring) by an age no one recorded.
UPDATE "users" SET "password_changed_at" = now() WHERE "password_hash" IS NOT NULL;--> statement-breakpoint
-- A session ended (a forced sign-out, an idle timeout) ends at the next request on every server.
-- Only the end is told: the last-seen time changes on most requests and ends nothing.
CREATE TRIGGER user_sessions_identity_change AFTER UPDATE OF ended_at OR DELETE ON user_sessions
  FOR EACH STATEMENT EXECUTE FUNCTION notify_identity_change();
