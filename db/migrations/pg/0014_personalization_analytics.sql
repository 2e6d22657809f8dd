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
ALTER TABLE "personalizations" ADD COLUMN "holdout_percent" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "personalizations" ADD COLUMN "primary_goal" text;--> statement-breakpoint
ALTER TABLE "analytics_conversions" ADD CONSTRAINT "analytics_conversions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_conversions" ADD CONSTRAINT "analytics_conversions_visitor_id_visitors_id_fk" FOREIGN KEY ("visitor_id") REFERENCES "public"."visitors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_daily" ADD CONSTRAINT "analytics_daily_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_events" ADD CONSTRAINT "analytics_events_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_events" ADD CONSTRAINT "analytics_events_visitor_id_visitors_id_fk" FOREIGN KEY ("visitor_id") REFERENCES "public"."visitors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_exposures" ADD CONSTRAINT "analytics_exposures_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_exposures" ADD CONSTRAINT "analytics_exposures_visitor_id_visitors_id_fk" FOREIGN KEY ("visitor_id") REFERENCES "public"."visitors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "analytics_conversions_once_idx" ON "analytics_conversions" USING btree ("workspace_id","visitor_id","placement_key","arm","goal_key");--> statement-breakpoint
CREATE INDEX "analytics_conversions_first_idx" ON "analytics_conversions" USING btree ("first_at");--> statement-breakpoint
CREATE UNIQUE INDEX "analytics_daily_key_idx" ON "analytics_daily" USING btree ("workspace_id","placement_key","day","arm","goal_key");--> statement-breakpoint
CREATE UNIQUE INDEX "analytics_events_once_idx" ON "analytics_events" USING btree ("workspace_id","visitor_id","placement_key","kind","arm","goal_key","day");--> statement-breakpoint
CREATE INDEX "analytics_events_occurred_idx" ON "analytics_events" USING btree ("occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "analytics_exposures_visitor_arm_idx" ON "analytics_exposures" USING btree ("workspace_id","visitor_id","placement_key","arm");--> statement-breakpoint
CREATE INDEX "analytics_exposures_last_idx" ON "analytics_exposures" USING btree ("last_at");--> statement-breakpoint
CREATE UNIQUE INDEX "goals_workspace_key_idx" ON "goals" USING btree ("workspace_id","key");