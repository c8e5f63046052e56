CREATE TYPE "public"."liaison_role" AS ENUM('LIAISON', 'LEGAL_OFFICER', 'SUPERVISOR', 'GUIDANCE_LEAD');--> statement-breakpoint
CREATE TYPE "public"."responsibility_kind" AS ENUM('TASK', 'RESPONSIBILITY', 'PROCESS', 'STANDARD');--> statement-breakpoint
CREATE TABLE "guidance_assignments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "guidance_assignments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"department_id" integer NOT NULL,
	"township_id" integer NOT NULL,
	"lead_contact_id" integer,
	"since" date,
	"note" varchar(1000),
	CONSTRAINT "guidance_assignments_departmentId_townshipId_unique" UNIQUE("department_id","township_id")
);
--> statement-breakpoint
CREATE TABLE "liaison_contacts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "liaison_contacts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"organization_id" integer NOT NULL,
	"counterpart_id" integer NOT NULL,
	"person_name" varchar(50) NOT NULL,
	"role" "liaison_role" NOT NULL,
	"title" varchar(50),
	"office_phone" varchar(30),
	"mobile" varchar(20),
	"active_from" date NOT NULL,
	"active_to" date
);
--> statement-breakpoint
CREATE TABLE "responsibility_entries" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "responsibility_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"organization_id" integer NOT NULL,
	"power_item_id" integer,
	"kind" "responsibility_kind" NOT NULL,
	"responsibility" varchar(2000) NOT NULL,
	"accountability" varchar(2000),
	"boundary_note" varchar(2000)
);
--> statement-breakpoint
ALTER TABLE "guidance_assignments" ADD CONSTRAINT "guidance_assignments_department_id_organizations_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guidance_assignments" ADD CONSTRAINT "guidance_assignments_township_id_organizations_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guidance_assignments" ADD CONSTRAINT "guidance_assignments_lead_contact_id_liaison_contacts_id_fk" FOREIGN KEY ("lead_contact_id") REFERENCES "public"."liaison_contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liaison_contacts" ADD CONSTRAINT "liaison_contacts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liaison_contacts" ADD CONSTRAINT "liaison_contacts_counterpart_id_organizations_id_fk" FOREIGN KEY ("counterpart_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility_entries" ADD CONSTRAINT "responsibility_entries_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility_entries" ADD CONSTRAINT "responsibility_entries_power_item_id_power_items_id_fk" FOREIGN KEY ("power_item_id") REFERENCES "public"."power_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "guidance_assignments_township_id_index" ON "guidance_assignments" USING btree ("township_id");--> statement-breakpoint
CREATE INDEX "guidance_assignments_lead_contact_id_index" ON "guidance_assignments" USING btree ("lead_contact_id");--> statement-breakpoint
CREATE INDEX "liaison_contacts_organization_id_index" ON "liaison_contacts" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "liaison_contacts_counterpart_id_index" ON "liaison_contacts" USING btree ("counterpart_id");--> statement-breakpoint
CREATE INDEX "responsibility_entries_organization_id_index" ON "responsibility_entries" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "responsibility_entries_power_item_id_index" ON "responsibility_entries" USING btree ("power_item_id");