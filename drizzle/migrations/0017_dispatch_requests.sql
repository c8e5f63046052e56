CREATE TYPE "public"."dispatch_status" AS ENUM('CALLED', 'ACKNOWLEDGED', 'ARRIVED', 'CLOSED');--> statement-breakpoint
CREATE TYPE "public"."dispatch_urgency" AS ENUM('ROUTINE', 'URGENT');--> statement-breakpoint
CREATE TABLE "dispatch_assignments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dispatch_assignments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"request_id" integer NOT NULL,
	"department_id" integer NOT NULL,
	"status" "dispatch_status" DEFAULT 'CALLED' NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"arrived_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"result" varchar(1000),
	"rating" integer,
	"rating_comment" varchar(500)
);
--> statement-breakpoint
CREATE TABLE "dispatch_requests" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dispatch_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"street_id" integer NOT NULL,
	"matter" varchar(2000) NOT NULL,
	"place" varchar(200) NOT NULL,
	"urgency" "dispatch_urgency" DEFAULT 'ROUTINE' NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"due_on" date NOT NULL,
	"helper_township_id" integer,
	"second_helper_township_id" integer,
	"filed_with_justice_on" date,
	"note" varchar(1000)
);
--> statement-breakpoint
ALTER TABLE "dispatch_assignments" ADD CONSTRAINT "dispatch_assignments_request_id_dispatch_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."dispatch_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_assignments" ADD CONSTRAINT "dispatch_assignments_department_id_organizations_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_requests" ADD CONSTRAINT "dispatch_requests_street_id_organizations_id_fk" FOREIGN KEY ("street_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_requests" ADD CONSTRAINT "dispatch_requests_helper_township_id_organizations_id_fk" FOREIGN KEY ("helper_township_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_requests" ADD CONSTRAINT "dispatch_requests_second_helper_township_id_organizations_id_fk" FOREIGN KEY ("second_helper_township_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dispatch_assignments_request_id_department_id_index" ON "dispatch_assignments" USING btree ("request_id","department_id");--> statement-breakpoint
CREATE INDEX "dispatch_assignments_department_id_index" ON "dispatch_assignments" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "dispatch_assignments_status_index" ON "dispatch_assignments" USING btree ("status");--> statement-breakpoint
CREATE INDEX "dispatch_requests_street_id_index" ON "dispatch_requests" USING btree ("street_id");--> statement-breakpoint
CREATE INDEX "dispatch_requests_raised_at_index" ON "dispatch_requests" USING btree ("raised_at");--> statement-breakpoint
CREATE INDEX "dispatch_requests_helper_township_id_index" ON "dispatch_requests" USING btree ("helper_township_id");--> statement-breakpoint
CREATE INDEX "dispatch_requests_second_helper_township_id_index" ON "dispatch_requests" USING btree ("second_helper_township_id");