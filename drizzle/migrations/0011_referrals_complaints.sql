CREATE TYPE "public"."complaint_channel" AS ENUM('HOTLINE_12345', 'HOTLINE_12319', 'LETTER', 'VISIT', 'ONLINE');--> statement-breakpoint
CREATE TYPE "public"."complaint_disposition" AS ENUM('HANDLED', 'CASE_FILED', 'REFERRED');--> statement-breakpoint
CREATE TYPE "public"."referral_kind" AS ENUM('STREET_TO_DEPARTMENT', 'DEPARTMENT_TO_STREET', 'TO_POLICE', 'TO_DISCIPLINE');--> statement-breakpoint
CREATE TYPE "public"."referral_status" AS ENUM('SENT', 'RECEIVED', 'ACCEPTED', 'RETURNED');--> statement-breakpoint
CREATE TABLE "case_referrals" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_referrals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" "referral_kind" NOT NULL,
	"from_organization_id" integer NOT NULL,
	"to_organization_id" integer NOT NULL,
	"matter" varchar(2000) NOT NULL,
	"legal_basis" varchar(500) NOT NULL,
	"document_number" varchar(100),
	"sent_on" date NOT NULL,
	"procuratorate_copied_to" varchar(100),
	"procuratorate_copied_on" date,
	"status" "referral_status" DEFAULT 'SENT' NOT NULL,
	"received_on" date,
	"decided_on" date,
	"return_reason" varchar(1000),
	"outcome" varchar(1000),
	"note" varchar(1000)
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "complaints_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"subject" varchar(200) NOT NULL,
	"content" varchar(2000),
	"channel" "complaint_channel" NOT NULL,
	"ticket_number" varchar(50),
	"complainant" varchar(50),
	"responsible_organization_id" integer NOT NULL,
	"received_on" date NOT NULL,
	"accepted_on" date,
	"closed_on" date,
	"result" varchar(1000),
	"disposition" "complaint_disposition",
	"case_number" varchar(100),
	"case_referral_id" integer
);
--> statement-breakpoint
ALTER TABLE "case_referrals" ADD CONSTRAINT "case_referrals_from_organization_id_organizations_id_fk" FOREIGN KEY ("from_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referrals" ADD CONSTRAINT "case_referrals_to_organization_id_organizations_id_fk" FOREIGN KEY ("to_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_responsible_organization_id_organizations_id_fk" FOREIGN KEY ("responsible_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_case_referral_id_case_referrals_id_fk" FOREIGN KEY ("case_referral_id") REFERENCES "public"."case_referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_referrals_from_organization_id_index" ON "case_referrals" USING btree ("from_organization_id");--> statement-breakpoint
CREATE INDEX "case_referrals_to_organization_id_index" ON "case_referrals" USING btree ("to_organization_id");--> statement-breakpoint
CREATE INDEX "case_referrals_status_index" ON "case_referrals" USING btree ("status");--> statement-breakpoint
CREATE INDEX "complaints_responsible_organization_id_index" ON "complaints" USING btree ("responsible_organization_id");--> statement-breakpoint
CREATE INDEX "complaints_received_on_index" ON "complaints" USING btree ("received_on");--> statement-breakpoint
CREATE INDEX "complaints_case_referral_id_index" ON "complaints" USING btree ("case_referral_id");