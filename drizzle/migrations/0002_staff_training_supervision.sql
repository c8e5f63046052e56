CREATE TYPE "public"."certificate_status" AS ENUM('VALID', 'SUSPENDED', 'CANCELLED', 'REVOKED', 'LOST');--> statement-breakpoint
CREATE TYPE "public"."post_kind" AS ENUM('ENFORCEMENT', 'LEGAL_REVIEW', 'AUXILIARY', 'LEADERSHIP');--> statement-breakpoint
CREATE TYPE "public"."staff_category" AS ENUM('ADMINISTRATIVE', 'INSTITUTIONAL', 'ENFORCEMENT', 'AUXILIARY');--> statement-breakpoint
CREATE TYPE "public"."staff_status" AS ENUM('ON_DUTY', 'SECONDED', 'LEFT');--> statement-breakpoint
CREATE TYPE "public"."transfer_kind" AS ENUM('REASSIGNMENT', 'SECONDMENT', 'RETURN', 'RECRUITMENT', 'DEPARTURE');--> statement-breakpoint
CREATE TYPE "public"."transfer_status" AS ENUM('PENDING', 'COMPLETED', 'CANCELLED');--> statement-breakpoint
CREATE TYPE "public"."training_kind" AS ENUM('PROFESSIONAL_LAW', 'GENERAL_LAW', 'INDUCTION', 'CASE_BASED', 'ROADSHOW', 'COMPETITION');--> statement-breakpoint
CREATE TYPE "public"."escalation_level" AS ENUM('NONE', 'NOTICE', 'CIRCULAR', 'INTERVIEW', 'FLAGGED', 'REFERRED');--> statement-breakpoint
CREATE TYPE "public"."finding_area" AS ENUM('TEAM', 'SYSTEM', 'CONDUCT', 'SUPPORT');--> statement-breakpoint
CREATE TYPE "public"."finding_severity" AS ENUM('MINOR', 'MAJOR', 'SERIOUS');--> statement-breakpoint
CREATE TYPE "public"."finding_status" AS ENUM('OPEN', 'RECTIFYING', 'RECTIFIED', 'VERIFIED');--> statement-breakpoint
CREATE TYPE "public"."inspection_kind" AS ENUM('SUPERVISION', 'CASE_REVIEW', 'SPECIAL_RECTIFICATION', 'RESIDENT', 'ACCOMPANYING');--> statement-breakpoint
CREATE TABLE "certificates" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "certificates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"staff_member_id" integer NOT NULL,
	"number" varchar(50) NOT NULL,
	"issuing_authority" varchar(100) NOT NULL,
	"issued_on" date NOT NULL,
	"expires_on" date,
	"status" "certificate_status" DEFAULT 'VALID' NOT NULL,
	"area" varchar(200),
	"categories" varchar(200),
	"note" varchar(1000),
	CONSTRAINT "certificates_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "postings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "postings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"staff_member_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"quota_organization_id" integer,
	"post" "post_kind" NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"transfer_id" integer,
	"note" varchar(1000)
);
--> statement-breakpoint
CREATE TABLE "staff_members" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "staff_members_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" varchar(50) NOT NULL,
	"organization_id" integer NOT NULL,
	"category" "staff_category" NOT NULL,
	"status" "staff_status" DEFAULT 'ON_DUTY' NOT NULL,
	"title" varchar(50),
	"legal_qualification" boolean DEFAULT false NOT NULL,
	"mobile" varchar(20),
	"note" varchar(1000)
);
--> statement-breakpoint
CREATE TABLE "staffing_quotas" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "staffing_quotas_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"organization_id" integer NOT NULL,
	"category" "staff_category" NOT NULL,
	"year" integer NOT NULL,
	"approved_count" integer NOT NULL,
	"document_number" varchar(100),
	"note" varchar(1000),
	CONSTRAINT "staffing_quotas_organizationId_category_year_unique" UNIQUE("organization_id","category","year")
);
--> statement-breakpoint
CREATE TABLE "transfers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "transfers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"staff_member_id" integer NOT NULL,
	"kind" "transfer_kind" NOT NULL,
	"from_organization_id" integer,
	"to_organization_id" integer,
	"post" "post_kind",
	"effective_date" date NOT NULL,
	"expected_return_date" date,
	"document_number" varchar(100),
	"status" "transfer_status" DEFAULT 'PENDING' NOT NULL,
	"completed_at" timestamp with time zone,
	"note" varchar(1000)
);
--> statement-breakpoint
CREATE TABLE "training_attendances" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_attendances_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"session_id" integer NOT NULL,
	"staff_member_id" integer NOT NULL,
	"hours_attended" double precision NOT NULL,
	"exam_score" double precision,
	"passed" boolean,
	"completion_certificate" varchar(50),
	CONSTRAINT "training_attendances_sessionId_staffMemberId_unique" UNIQUE("session_id","staff_member_id")
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_sessions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"title" varchar(200) NOT NULL,
	"kind" "training_kind" NOT NULL,
	"organizer_id" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"hours" double precision NOT NULL,
	"location" varchar(200),
	"note" varchar(1000)
);
--> statement-breakpoint
CREATE TABLE "case_reports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"organization_id" integer NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"cases_due" integer DEFAULT 0 NOT NULL,
	"cases_filed" integer DEFAULT 0 NOT NULL,
	"cases_closed" integer DEFAULT 0 NOT NULL,
	"cases_overdue" integer DEFAULT 0 NOT NULL,
	"leader_assignments_unfulfilled" integer DEFAULT 0 NOT NULL,
	"decisions_executed" integer DEFAULT 0 NOT NULL,
	"court_refusals" integer DEFAULT 0 NOT NULL,
	"penalties" integer DEFAULT 0 NOT NULL,
	"unpenalized" integer DEFAULT 0 NOT NULL,
	"lawsuits" integer DEFAULT 0 NOT NULL,
	"total_cases" integer DEFAULT 0 NOT NULL,
	"judgments" integer DEFAULT 0 NOT NULL,
	"judgments_won" integer DEFAULT 0 NOT NULL,
	"note" varchar(1000),
	CONSTRAINT "case_reports_organizationId_periodStart_periodEnd_unique" UNIQUE("organization_id","period_start","period_end")
);
--> statement-breakpoint
CREATE TABLE "finding_escalations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "finding_escalations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finding_id" integer NOT NULL,
	"level" "escalation_level" NOT NULL,
	"escalated_on" date NOT NULL,
	"note" varchar(1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "findings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "findings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"inspection_id" integer NOT NULL,
	"responsible_organization_id" integer NOT NULL,
	"area" "finding_area" NOT NULL,
	"severity" "finding_severity" DEFAULT 'MINOR' NOT NULL,
	"description" varchar(2000) NOT NULL,
	"measures" varchar(2000),
	"responsible_person" varchar(50),
	"due_date" date NOT NULL,
	"status" "finding_status" DEFAULT 'OPEN' NOT NULL,
	"rectified_on" date,
	"verified_on" date,
	"sent_back_count" integer DEFAULT 0 NOT NULL,
	"last_send_back_reason" varchar(1000),
	"escalation" "escalation_level" DEFAULT 'NONE' NOT NULL,
	"escalated_on" date
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inspections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"title" varchar(200) NOT NULL,
	"kind" "inspection_kind" NOT NULL,
	"inspecting_organization_id" integer NOT NULL,
	"inspected_organization_id" integer NOT NULL,
	"inspected_on" date NOT NULL,
	"note" varchar(1000)
);
--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_staff_member_id_staff_members_id_fk" FOREIGN KEY ("staff_member_id") REFERENCES "public"."staff_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postings" ADD CONSTRAINT "postings_staff_member_id_staff_members_id_fk" FOREIGN KEY ("staff_member_id") REFERENCES "public"."staff_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postings" ADD CONSTRAINT "postings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postings" ADD CONSTRAINT "postings_quota_organization_id_organizations_id_fk" FOREIGN KEY ("quota_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postings" ADD CONSTRAINT "postings_transfer_id_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "public"."transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_members" ADD CONSTRAINT "staff_members_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staffing_quotas" ADD CONSTRAINT "staffing_quotas_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_staff_member_id_staff_members_id_fk" FOREIGN KEY ("staff_member_id") REFERENCES "public"."staff_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_from_organization_id_organizations_id_fk" FOREIGN KEY ("from_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_to_organization_id_organizations_id_fk" FOREIGN KEY ("to_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendances" ADD CONSTRAINT "training_attendances_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendances" ADD CONSTRAINT "training_attendances_staff_member_id_staff_members_id_fk" FOREIGN KEY ("staff_member_id") REFERENCES "public"."staff_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_organizer_id_organizations_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_reports" ADD CONSTRAINT "case_reports_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_escalations" ADD CONSTRAINT "finding_escalations_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_responsible_organization_id_organizations_id_fk" FOREIGN KEY ("responsible_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_inspecting_organization_id_organizations_id_fk" FOREIGN KEY ("inspecting_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_inspected_organization_id_organizations_id_fk" FOREIGN KEY ("inspected_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "certificates_staff_member_id_index" ON "certificates" USING btree ("staff_member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "postings_one_open_per_staff" ON "postings" USING btree ("staff_member_id") WHERE "postings"."ended_on" is null;--> statement-breakpoint
CREATE INDEX "postings_organization_id_index" ON "postings" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "postings_quota_organization_id_index" ON "postings" USING btree ("quota_organization_id");--> statement-breakpoint
CREATE INDEX "postings_staff_member_id_index" ON "postings" USING btree ("staff_member_id");--> statement-breakpoint
CREATE INDEX "staff_members_organization_id_index" ON "staff_members" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "staff_members_status_index" ON "staff_members" USING btree ("status");--> statement-breakpoint
CREATE INDEX "transfers_staff_member_id_index" ON "transfers" USING btree ("staff_member_id");--> statement-breakpoint
CREATE INDEX "transfers_status_index" ON "transfers" USING btree ("status");--> statement-breakpoint
CREATE INDEX "training_attendances_staff_member_id_index" ON "training_attendances" USING btree ("staff_member_id");--> statement-breakpoint
CREATE INDEX "training_sessions_starts_on_index" ON "training_sessions" USING btree ("starts_on");--> statement-breakpoint
CREATE INDEX "training_sessions_organizer_id_index" ON "training_sessions" USING btree ("organizer_id");--> statement-breakpoint
CREATE INDEX "finding_escalations_finding_id_index" ON "finding_escalations" USING btree ("finding_id");--> statement-breakpoint
CREATE INDEX "findings_inspection_id_index" ON "findings" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "findings_responsible_organization_id_index" ON "findings" USING btree ("responsible_organization_id");--> statement-breakpoint
CREATE INDEX "findings_status_index" ON "findings" USING btree ("status");--> statement-breakpoint
CREATE INDEX "inspections_inspected_organization_id_index" ON "inspections" USING btree ("inspected_organization_id");--> statement-breakpoint
CREATE INDEX "inspections_inspecting_organization_id_index" ON "inspections" USING btree ("inspecting_organization_id");