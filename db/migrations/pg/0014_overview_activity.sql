CREATE TABLE "placement_sightings" (
	"workspace_id" text NOT NULL,
	"placement_key" text NOT NULL,
	"path" text NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "site_activity" (
	"workspace_id" text NOT NULL,
	"day" text NOT NULL,
	"decisions" integer DEFAULT 0 NOT NULL,
	"last_request_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "placement_sightings" ADD CONSTRAINT "placement_sightings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_activity" ADD CONSTRAINT "site_activity_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "placement_sightings_workspace_key_idx" ON "placement_sightings" USING btree ("workspace_id","placement_key");--> statement-breakpoint
CREATE UNIQUE INDEX "site_activity_workspace_day_idx" ON "site_activity" USING btree ("workspace_id","day");--> statement-breakpoint
CREATE INDEX "audit_log_workspace_action_idx" ON "audit_log" USING btree ("workspace_id","action");--> statement-breakpoint
CREATE INDEX "visitor_answers_workspace_answered_idx" ON "visitor_answers" USING btree ("workspace_id","answered_at");--> statement-breakpoint
CREATE INDEX "visitors_workspace_identified_idx" ON "visitors" USING btree ("workspace_id","identified_at");--> statement-breakpoint
CREATE INDEX "sync_jobs_workspace_status_idx" ON "sync_jobs" USING btree ("workspace_id","status");