CREATE TYPE "public"."equipment_kind" AS ENUM('BODY_CAMERA', 'VEHICLE', 'RADIO', 'CAMERA', 'DOCUMENT_CAMERA', 'MOBILE_TERMINAL', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."equipment_status" AS ENUM('IN_SERVICE', 'UNDER_REPAIR', 'RETIRED', 'LOST');--> statement-breakpoint
CREATE TYPE "public"."grid_level" AS ENUM('LEVEL_1', 'LEVEL_2', 'LEVEL_3', 'LEVEL_4');--> statement-breakpoint
ALTER TYPE "public"."training_kind" ADD VALUE 'MILITARY_DRILL';--> statement-breakpoint
CREATE TABLE "training_audiences" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_audiences_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"session_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"note" varchar(1000),
	CONSTRAINT "training_audiences_sessionId_organizationId_unique" UNIQUE("session_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "equipment_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "equipment_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"organization_id" integer NOT NULL,
	"kind" "equipment_kind" NOT NULL,
	"number" varchar(50) NOT NULL,
	"model" varchar(100),
	"status" "equipment_status" DEFAULT 'IN_SERVICE' NOT NULL,
	"acquired_on" date NOT NULL,
	"retired_on" date,
	"note" varchar(1000),
	CONSTRAINT "equipment_items_organizationId_number_unique" UNIQUE("organization_id","number")
);
--> statement-breakpoint
CREATE TABLE "patrol_grids" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "patrol_grids_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"organization_id" integer NOT NULL,
	"name" varchar(100) NOT NULL,
	"level" "grid_level" NOT NULL,
	"parent_id" integer,
	"area" varchar(1000),
	"responsible_person" varchar(50),
	"responsible_title" varchar(50),
	"staff_member_id" integer,
	"mobile" varchar(20),
	"note" varchar(1000),
	CONSTRAINT "patrol_grids_organizationId_name_unique" UNIQUE("organization_id","name")
);
--> statement-breakpoint
ALTER TABLE "training_attendances" ADD COLUMN "days_attended" double precision;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD COLUMN "days" double precision;--> statement-breakpoint
ALTER TABLE "training_audiences" ADD CONSTRAINT "training_audiences_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_audiences" ADD CONSTRAINT "training_audiences_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_items" ADD CONSTRAINT "equipment_items_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_grids" ADD CONSTRAINT "patrol_grids_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_grids" ADD CONSTRAINT "patrol_grids_parent_id_patrol_grids_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."patrol_grids"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_grids" ADD CONSTRAINT "patrol_grids_staff_member_id_staff_members_id_fk" FOREIGN KEY ("staff_member_id") REFERENCES "public"."staff_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_audiences_organization_id_index" ON "training_audiences" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "equipment_items_kind_index" ON "equipment_items" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "patrol_grids_parent_id_index" ON "patrol_grids" USING btree ("parent_id");