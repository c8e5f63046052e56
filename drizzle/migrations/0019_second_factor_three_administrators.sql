ALTER TYPE "public"."login_reason" ADD VALUE 'WRONG_SECOND_FACTOR';--> statement-breakpoint
ALTER TYPE "public"."login_reason" ADD VALUE 'RECOVERY_CODE';--> statement-breakpoint
ALTER TYPE "public"."session_end" ADD VALUE 'REPLACED';--> statement-breakpoint
ALTER TYPE "public"."user_role" ADD VALUE 'SYSTEM_ADMIN';--> statement-breakpoint
ALTER TYPE "public"."user_role" ADD VALUE 'SECURITY_ADMIN';--> statement-breakpoint
ALTER TYPE "public"."user_role" ADD VALUE 'AUDIT_ADMIN';--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_secret" varchar(64);--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_pending_secret" varchar(64);--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_enabled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_last_step" integer;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "recovery_code_hashes" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "second_factor_exempt" boolean DEFAULT false NOT NULL;