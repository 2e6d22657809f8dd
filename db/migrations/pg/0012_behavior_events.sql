CREATE TABLE "behavior_event_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"behavior" text NOT NULL,
	"match" text,
	"event_name" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visitor_behavior" (
	"visitor_id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"visit_count" integer DEFAULT 0 NOT NULL,
	"first_utm_source" text,
	"first_utm_medium" text,
	"first_utm_campaign" text,
	"last_page" text,
	"last_page_at" timestamp with time zone
);
--> statement-breakpoint
DROP INDEX "sync_jobs_open_target_idx";--> statement-breakpoint
ALTER TABLE "sync_jobs" ADD COLUMN "event_name" text;--> statement-breakpoint
ALTER TABLE "sync_jobs" ADD COLUMN "event_created_at" integer;--> statement-breakpoint
ALTER TABLE "sync_jobs" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "behavior_event_rules" ADD CONSTRAINT "behavior_event_rules_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visitor_behavior" ADD CONSTRAINT "visitor_behavior_visitor_id_visitors_id_fk" FOREIGN KEY ("visitor_id") REFERENCES "public"."visitors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visitor_behavior" ADD CONSTRAINT "visitor_behavior_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "behavior_event_rules_workspace_idx" ON "behavior_event_rules" USING btree ("workspace_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sync_jobs_idempotency_idx" ON "sync_jobs" USING btree ("workspace_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "sync_jobs_open_target_idx" ON "sync_jobs" USING btree ("workspace_id","target_key") WHERE status in ('pending', 'waiting_identification', 'paused') and kind <> 'event';