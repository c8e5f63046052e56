CREATE TYPE "public"."certificate_event_kind" AS ENUM('ISSUED', 'ANNUAL_REVIEW', 'SUSPENDED', 'RESTORED', 'CANCELLED', 'REVOKED', 'LOSS_PUBLISHED');--> statement-breakpoint
ALTER TYPE "public"."staff_status" ADD VALUE 'RETIRED';--> statement-breakpoint
ALTER TYPE "public"."transfer_kind" ADD VALUE 'RETIREMENT';--> statement-breakpoint
CREATE TABLE "certificate_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "certificate_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"certificate_id" integer NOT NULL,
	"kind" "certificate_event_kind" NOT NULL,
	"occurred_on" date NOT NULL,
	"passed" boolean,
	"reason" varchar(500),
	"document_number" varchar(100),
	"transfer_id" integer,
	"training_attendance_id" integer
);
--> statement-breakpoint
ALTER TABLE "staffing_quotas" ADD COLUMN "cap_exempt" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "staffing_quotas" ADD COLUMN "cap_exempt_reason" varchar(500);--> statement-breakpoint
ALTER TABLE "staffing_quotas" ADD COLUMN "cap_exempt_document" varchar(100);--> statement-breakpoint
ALTER TABLE "certificate_events" ADD CONSTRAINT "certificate_events_certificate_id_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_events" ADD CONSTRAINT "certificate_events_transfer_id_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "public"."transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_events" ADD CONSTRAINT "certificate_events_training_attendance_id_training_attendances_id_fk" FOREIGN KEY ("training_attendance_id") REFERENCES "public"."training_attendances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "certificate_events_certificate_id_index" ON "certificate_events" USING btree ("certificate_id");