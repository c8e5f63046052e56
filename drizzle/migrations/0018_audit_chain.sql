CREATE TABLE "audit_chain" (
	"id" integer PRIMARY KEY NOT NULL,
	"last_entry_id" integer,
	"last_hash" varchar(64),
	"anchor_entry_id" integer,
	"anchor_hash" varchar(64)
);
--> statement-breakpoint
ALTER TABLE "audit_entries" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_entries" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_entries" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_entries" ADD COLUMN "hash_algorithm" varchar(10);--> statement-breakpoint
ALTER TABLE "audit_entries" ADD COLUMN "previous_hash" varchar(64);--> statement-breakpoint
ALTER TABLE "audit_entries" ADD COLUMN "hash" varchar(64);--> statement-breakpoint
CREATE INDEX "audit_entries_actor_id_index" ON "audit_entries" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "audit_entries_operation_index" ON "audit_entries" USING btree ("operation");--> statement-breakpoint
-- Entries written before keep their own time as creation time; they are chained at the first start, which also writes the chain's head row (not here: the hash is worked out by the server).
UPDATE "audit_entries" SET "created_at" = "at", "updated_at" = "at";
