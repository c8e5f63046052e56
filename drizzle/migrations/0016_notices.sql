CREATE TYPE "public"."notice_kind" AS ENUM('NOTICE', 'ANNOUNCEMENT', 'CAMPAIGN_PLAN');--> statement-breakpoint
CREATE TABLE "notice_receipts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notice_receipts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"notice_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"read_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notice_receipts_noticeId_userId_unique" UNIQUE("notice_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "notice_recipients" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notice_recipients_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"notice_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	CONSTRAINT "notice_recipients_noticeId_organizationId_unique" UNIQUE("notice_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notices_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" "notice_kind" DEFAULT 'NOTICE' NOT NULL,
	"title" varchar(200) NOT NULL,
	"body" varchar(10000) NOT NULL,
	"publisher_id" integer NOT NULL,
	"document_number" varchar(100),
	"published_on" date NOT NULL,
	"deadline" date
);
--> statement-breakpoint
ALTER TABLE "notice_receipts" ADD CONSTRAINT "notice_receipts_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_receipts" ADD CONSTRAINT "notice_receipts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_recipients" ADD CONSTRAINT "notice_recipients_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_recipients" ADD CONSTRAINT "notice_recipients_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_publisher_id_organizations_id_fk" FOREIGN KEY ("publisher_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notice_receipts_user_id_index" ON "notice_receipts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "notice_recipients_organization_id_index" ON "notice_recipients" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "notices_published_on_index" ON "notices" USING btree ("published_on");--> statement-breakpoint
CREATE INDEX "notices_publisher_id_index" ON "notices" USING btree ("publisher_id");