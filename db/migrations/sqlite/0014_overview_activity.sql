CREATE TABLE `placement_sightings` (
	`workspace_id` text NOT NULL,
	`placement_key` text NOT NULL,
	`path` text NOT NULL,
	`first_seen_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `placement_sightings_workspace_key_idx` ON `placement_sightings` (`workspace_id`,`placement_key`);--> statement-breakpoint
CREATE TABLE `site_activity` (
	`workspace_id` text NOT NULL,
	`day` text NOT NULL,
	`decisions` integer DEFAULT 0 NOT NULL,
	`last_request_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `site_activity_workspace_day_idx` ON `site_activity` (`workspace_id`,`day`);--> statement-breakpoint
CREATE INDEX `audit_log_workspace_action_idx` ON `audit_log` (`workspace_id`,`action`);--> statement-breakpoint
CREATE INDEX `visitor_answers_workspace_answered_idx` ON `visitor_answers` (`workspace_id`,`answered_at`);--> statement-breakpoint
CREATE INDEX `visitors_workspace_identified_idx` ON `visitors` (`workspace_id`,`identified_at`);--> statement-breakpoint
CREATE INDEX `sync_jobs_workspace_status_idx` ON `sync_jobs` (`workspace_id`,`status`);