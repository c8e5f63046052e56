ALTER TYPE "public"."inspection_kind" ADD VALUE 'SELF_INSPECTION';--> statement-breakpoint
ALTER TABLE "case_reports" ALTER COLUMN "cases_due" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "case_reports" ALTER COLUMN "cases_due" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "case_reports" ADD COLUMN "county_lawsuits" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "case_reports" ADD COLUMN "county_judgments" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "case_reports" ADD COLUMN "county_judgments_won" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "files_reviewed" integer;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "files_excellent" integer;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "files_good" integer;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "files_passed" integer;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "files_failed" integer;--> statement-breakpoint
-- A target of 0 was how a report said it had none; now it is left empty and the two previous years set it.
UPDATE "case_reports" SET "cases_due" = NULL WHERE "cases_due" = 0;
