ALTER TABLE "users" ALTER COLUMN "totp_secret" SET DATA TYPE varchar(128);--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "totp_pending_secret" SET DATA TYPE varchar(128);