CREATE TABLE "draft_authors" (
	"workspace_id" text NOT NULL,
	"user_id" text NOT NULL,
	"last_edited_at" timestamp with time zone NOT NULL,
	CONSTRAINT "draft_authors_workspace_id_user_id_pk" PRIMARY KEY("workspace_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "placement_sightings" (
	"workspace_id" text NOT NULL,
	"placement_key" text NOT NULL,
	"path" text NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publish_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"requested_by_user_id" text,
	"note" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"changes" jsonb NOT NULL,
	"author_user_ids" jsonb NOT NULL,
	"base_version" integer,
	"status" text NOT NULL,
	"decided_by_user_id" text,
	"decline_reason" text,
	"published_version" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "site_activity" (
	"workspace_id" text NOT NULL,
	"day" text NOT NULL,
	"decisions" integer DEFAULT 0 NOT NULL,
	"last_request_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_conversions" (
	"workspace_id" text NOT NULL,
	"visitor_id" text NOT NULL,
	"placement_key" text NOT NULL,
	"arm" text NOT NULL,
	"goal_key" text NOT NULL,
	"first_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_daily" (
	"workspace_id" text NOT NULL,
	"placement_key" text NOT NULL,
	"day" text NOT NULL,
	"arm" text NOT NULL,
	"goal_key" text NOT NULL,
	"visitors" integer DEFAULT 0 NOT NULL,
	"impressions" integer DEFAULT 0 NOT NULL,
	"conversions" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_events" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"visitor_id" text NOT NULL,
	"kind" text NOT NULL,
	"placement_key" text NOT NULL,
	"arm" text NOT NULL,
	"goal_key" text NOT NULL,
	"day" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_exposures" (
	"workspace_id" text NOT NULL,
	"visitor_id" text NOT NULL,
	"placement_key" text NOT NULL,
	"arm" text NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	"last_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"target" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "config_versions" ADD COLUMN "author_user_ids" jsonb;--> statement-breakpoint
ALTER TABLE "personalizations" ADD COLUMN "holdout_percent" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "personalizations" ADD COLUMN "primary_goal" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "user_id" text;--> statement-breakpoint
ALTER TABLE "draft_authors" ADD CONSTRAINT "draft_authors_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draft_authors" ADD CONSTRAINT "draft_authors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_sightings" ADD CONSTRAINT "placement_sightings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publish_requests" ADD CONSTRAINT "publish_requests_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publish_requests" ADD CONSTRAINT "publish_requests_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publish_requests" ADD CONSTRAINT "publish_requests_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_activity" ADD CONSTRAINT "site_activity_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_conversions" ADD CONSTRAINT "analytics_conversions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_conversions" ADD CONSTRAINT "analytics_conversions_visitor_id_visitors_id_fk" FOREIGN KEY ("visitor_id") REFERENCES "public"."visitors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_daily" ADD CONSTRAINT "analytics_daily_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_events" ADD CONSTRAINT "analytics_events_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_events" ADD CONSTRAINT "analytics_events_visitor_id_visitors_id_fk" FOREIGN KEY ("visitor_id") REFERENCES "public"."visitors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_exposures" ADD CONSTRAINT "analytics_exposures_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_exposures" ADD CONSTRAINT "analytics_exposures_visitor_id_visitors_id_fk" FOREIGN KEY ("visitor_id") REFERENCES "public"."visitors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "placement_sightings_workspace_key_idx" ON "placement_sightings" USING btree ("workspace_id","placement_key");--> statement-breakpoint
CREATE INDEX "publish_requests_workspace_status_idx" ON "publish_requests" USING btree ("workspace_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "site_activity_workspace_day_idx" ON "site_activity" USING btree ("workspace_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "analytics_conversions_once_idx" ON "analytics_conversions" USING btree ("workspace_id","visitor_id","placement_key","arm","goal_key");--> statement-breakpoint
CREATE INDEX "analytics_conversions_first_idx" ON "analytics_conversions" USING btree ("first_at");--> statement-breakpoint
CREATE UNIQUE INDEX "analytics_daily_key_idx" ON "analytics_daily" USING btree ("workspace_id","placement_key","day","arm","goal_key");--> statement-breakpoint
CREATE UNIQUE INDEX "analytics_events_once_idx" ON "analytics_events" USING btree ("workspace_id","visitor_id","placement_key","kind","arm","goal_key","day");--> statement-breakpoint
CREATE INDEX "analytics_events_occurred_idx" ON "analytics_events" USING btree ("occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "analytics_exposures_visitor_arm_idx" ON "analytics_exposures" USING btree ("workspace_id","visitor_id","placement_key","arm");--> statement-breakpoint
CREATE INDEX "analytics_exposures_last_idx" ON "analytics_exposures" USING btree ("last_at");--> statement-breakpoint
CREATE UNIQUE INDEX "goals_workspace_key_idx" ON "goals" USING btree ("workspace_id","key");--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_workspace_action_idx" ON "audit_log" USING btree ("workspace_id","action");--> statement-breakpoint
CREATE INDEX "visitor_answers_workspace_answered_idx" ON "visitor_answers" USING btree ("workspace_id","answered_at");--> statement-breakpoint
CREATE INDEX "visitors_workspace_identified_idx" ON "visitors" USING btree ("workspace_id","identified_at");--> statement-breakpoint
CREATE INDEX "sync_jobs_workspace_status_idx" ON "sync_jobs" USING btree ("workspace_id","status");