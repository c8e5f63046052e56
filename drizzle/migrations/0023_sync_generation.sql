CREATE TABLE "sync_generation" (
	"id" integer PRIMARY KEY NOT NULL,
	"generation" uuid DEFAULT gen_random_uuid() NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"purged_tx_id" bigint,
	"purged_entry_id" integer,
	"start_entry_id" integer DEFAULT 0 NOT NULL
);
