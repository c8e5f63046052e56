CREATE TYPE "public"."organization_kind" AS ENUM('STREET', 'TOWNSHIP', 'DEPARTMENT', 'VERTICAL_UNIT', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."catalog_status" AS ENUM('DRAFT', 'PUBLISHED', 'SUPERSEDED');--> statement-breakpoint
CREATE TYPE "public"."delegation_mode" AS ENUM('ENTRUSTED', 'GRANTED', 'DEVOLVED', 'STATIONED');--> statement-breakpoint
CREATE TYPE "public"."delegation_scope" AS ENUM('ALL', 'PART');--> statement-breakpoint
CREATE TYPE "public"."penalty_kind" AS ENUM('WARNING', 'FINE', 'CONFISCATION', 'PERMIT_SUSPENSION', 'PERMIT_REVOCATION', 'BUSINESS_RESTRICTION', 'DETENTION', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."power_category" AS ENUM('LICENSING', 'PENALTY', 'COERCION', 'LEVY', 'PAYMENT', 'INSPECTION', 'CONFIRMATION', 'REWARD', 'ADJUDICATION', 'OTHER');--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "organizations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" varchar(100) NOT NULL,
	"kind" "organization_kind" NOT NULL,
	"parent_id" integer,
	"region" varchar(50),
	"code" varchar(32),
	CONSTRAINT "organizations_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "delegation_catalogs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "delegation_catalogs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"title" varchar(200) NOT NULL,
	"document_number" varchar(100),
	"issuing_organization_id" integer NOT NULL,
	"issued_on" date,
	"effective_from" date NOT NULL,
	"status" "catalog_status" DEFAULT 'DRAFT' NOT NULL,
	"supersedes_id" integer,
	"published_at" timestamp with time zone,
	"note" varchar(2000),
	CONSTRAINT "delegation_catalogs_documentNumber_unique" UNIQUE("document_number"),
	CONSTRAINT "delegation_catalogs_supersedesId_unique" UNIQUE("supersedes_id")
);
--> statement-breakpoint
CREATE TABLE "delegations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "delegations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"catalog_id" integer NOT NULL,
	"power_item_id" integer NOT NULL,
	"recipient_id" integer NOT NULL,
	"delegating_organization_id" integer NOT NULL,
	"mode" "delegation_mode" NOT NULL,
	"scope" "delegation_scope" DEFAULT 'ALL' NOT NULL,
	"scope_note" varchar(1000),
	"effective_from" date NOT NULL,
	"effective_to" date,
	"confirmation_number" varchar(100),
	"confirmation_signed_on" date,
	"note" varchar(1000),
	CONSTRAINT "delegations_catalogId_powerItemId_recipientId_unique" UNIQUE("catalog_id","power_item_id","recipient_id")
);
--> statement-breakpoint
CREATE TABLE "enforcement_domains" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "enforcement_domains_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"code" varchar(32) NOT NULL,
	"name" varchar(50) NOT NULL,
	"description" varchar(500),
	CONSTRAINT "enforcement_domains_code_unique" UNIQUE("code"),
	CONSTRAINT "enforcement_domains_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "power_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "power_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"code_scheme" varchar(50) NOT NULL,
	"code" varchar(64) NOT NULL,
	"name" varchar(300) NOT NULL,
	"parent_id" integer,
	"category" "power_category" NOT NULL,
	"domain_id" integer NOT NULL,
	"source_department_id" integer NOT NULL,
	"setting_basis" varchar(4000) NOT NULL,
	"implementation_basis" varchar(4000),
	"penalty_kinds" "penalty_kind"[] DEFAULT '{}' NOT NULL,
	"description" varchar(2000),
	CONSTRAINT "power_items_codeScheme_code_unique" UNIQUE("code_scheme","code")
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_parent_id_organizations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegation_catalogs" ADD CONSTRAINT "delegation_catalogs_issuing_organization_id_organizations_id_fk" FOREIGN KEY ("issuing_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegation_catalogs" ADD CONSTRAINT "delegation_catalogs_supersedes_id_delegation_catalogs_id_fk" FOREIGN KEY ("supersedes_id") REFERENCES "public"."delegation_catalogs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_catalog_id_delegation_catalogs_id_fk" FOREIGN KEY ("catalog_id") REFERENCES "public"."delegation_catalogs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_power_item_id_power_items_id_fk" FOREIGN KEY ("power_item_id") REFERENCES "public"."power_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_recipient_id_organizations_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_delegating_organization_id_organizations_id_fk" FOREIGN KEY ("delegating_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "power_items" ADD CONSTRAINT "power_items_parent_id_power_items_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."power_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "power_items" ADD CONSTRAINT "power_items_domain_id_enforcement_domains_id_fk" FOREIGN KEY ("domain_id") REFERENCES "public"."enforcement_domains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "power_items" ADD CONSTRAINT "power_items_source_department_id_organizations_id_fk" FOREIGN KEY ("source_department_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organizations_parent_id_index" ON "organizations" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "organizations_kind_index" ON "organizations" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "delegation_catalogs_issuing_organization_id_index" ON "delegation_catalogs" USING btree ("issuing_organization_id");--> statement-breakpoint
CREATE INDEX "delegation_catalogs_status_index" ON "delegation_catalogs" USING btree ("status");--> statement-breakpoint
CREATE INDEX "delegations_power_item_id_index" ON "delegations" USING btree ("power_item_id");--> statement-breakpoint
CREATE INDEX "delegations_recipient_id_effective_from_index" ON "delegations" USING btree ("recipient_id","effective_from");--> statement-breakpoint
CREATE INDEX "delegations_delegating_organization_id_index" ON "delegations" USING btree ("delegating_organization_id");--> statement-breakpoint
CREATE INDEX "power_items_parent_id_index" ON "power_items" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "power_items_domain_id_index" ON "power_items" USING btree ("domain_id");--> statement-breakpoint
CREATE INDEX "power_items_source_department_id_index" ON "power_items" USING btree ("source_department_id");