CREATE TABLE "intercom_rate_state" (
	"workspace_id" text PRIMARY KEY NOT NULL,
	"limit" integer,
	"remaining" integer,
	"reset_at" timestamp with time zone,
	"window_ms" integer NOT NULL,
	"next_slot_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_attempts" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"job_id" text NOT NULL,
	"operation" text NOT NULL,
	"request_values" jsonb,
	"outcome" text NOT NULL,
	"http_status" integer,
	"error_code" text,
	"error_message" text,
	"duration_ms" integer NOT NULL,
	"worker_id" text,
	"started_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_backfill_state" (
	"workspace_id" text PRIMARY KEY NOT NULL,
	"config_version" integer NOT NULL,
	"mapping_ids" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_jobs" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"target_key" text NOT NULL,
	"contact_id" text,
	"visitor_id" text,
	"contact_email" text,
	"values" jsonb NOT NULL,
	"policies" jsonb NOT NULL,
	"sent_values" jsonb,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_run_at" timestamp with time zone NOT NULL,
	"locked_by" text,
	"locked_until" timestamp with time zone,
	"last_error_code" text,
	"last_error_message" text,
	"intercom_status" integer,
	"version" integer DEFAULT 0 NOT NULL,
	"actor_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "intercom_rate_state" ADD CONSTRAINT "intercom_rate_state_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_attempts" ADD CONSTRAINT "sync_attempts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_attempts" ADD CONSTRAINT "sync_attempts_job_id_sync_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."sync_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_backfill_state" ADD CONSTRAINT "sync_backfill_state_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_jobs" ADD CONSTRAINT "sync_jobs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_jobs" ADD CONSTRAINT "sync_jobs_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sync_attempts_job_idx" ON "sync_attempts" USING btree ("job_id");--> statement-breakpoint
CREATE INDEX "sync_attempts_workspace_started_idx" ON "sync_attempts" USING btree ("workspace_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sync_jobs_open_target_idx" ON "sync_jobs" USING btree ("workspace_id","target_key") WHERE status in ('pending', 'waiting_identification', 'paused');--> statement-breakpoint
CREATE INDEX "sync_jobs_claim_idx" ON "sync_jobs" USING btree ("status","next_run_at");--> statement-breakpoint
CREATE INDEX "sync_jobs_target_idx" ON "sync_jobs" USING btree ("workspace_id","target_key");--> statement-breakpoint
CREATE INDEX "sync_jobs_workspace_created_idx" ON "sync_jobs" USING btree ("workspace_id","created_at");