DROP INDEX "sync_jobs_target_idx";--> statement-breakpoint
CREATE INDEX "sync_jobs_target_status_idx" ON "sync_jobs" USING btree ("workspace_id","target_key","status","next_run_at");