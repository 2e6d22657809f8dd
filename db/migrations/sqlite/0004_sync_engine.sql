CREATE TABLE `intercom_rate_state` (
	`workspace_id` text PRIMARY KEY NOT NULL,
	`limit` integer,
	`remaining` integer,
	`reset_at` integer,
	`window_ms` integer NOT NULL,
	`next_slot_at` integer NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `sync_attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`job_id` text NOT NULL,
	`operation` text NOT NULL,
	`request_values` text,
	`outcome` text NOT NULL,
	`http_status` integer,
	`error_code` text,
	`error_message` text,
	`duration_ms` integer NOT NULL,
	`worker_id` text,
	`started_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`job_id`) REFERENCES `sync_jobs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sync_attempts_job_idx` ON `sync_attempts` (`job_id`);--> statement-breakpoint
CREATE INDEX `sync_attempts_workspace_started_idx` ON `sync_attempts` (`workspace_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `sync_backfill_state` (
	`workspace_id` text PRIMARY KEY NOT NULL,
	`config_version` integer NOT NULL,
	`mapping_ids` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `sync_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`target_key` text NOT NULL,
	`contact_id` text,
	`visitor_id` text,
	`contact_email` text,
	`values` text NOT NULL,
	`policies` text NOT NULL,
	`sent_values` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_run_at` integer NOT NULL,
	`locked_by` text,
	`locked_until` integer,
	`last_error_code` text,
	`last_error_message` text,
	`intercom_status` integer,
	`version` integer DEFAULT 0 NOT NULL,
	`actor_user_id` text,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	`started_at` integer,
	`finished_at` integer,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sync_jobs_open_target_idx` ON `sync_jobs` (`workspace_id`,`target_key`) WHERE status in ('pending', 'waiting_identification', 'paused');--> statement-breakpoint
CREATE INDEX `sync_jobs_claim_idx` ON `sync_jobs` (`status`,`next_run_at`);--> statement-breakpoint
CREATE INDEX `sync_jobs_target_idx` ON `sync_jobs` (`workspace_id`,`target_key`);--> statement-breakpoint
CREATE INDEX `sync_jobs_workspace_created_idx` ON `sync_jobs` (`workspace_id`,`created_at`);