CREATE TABLE `behavior_event_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`behavior` text NOT NULL,
	`match` text,
	`event_name` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `behavior_event_rules_workspace_idx` ON `behavior_event_rules` (`workspace_id`);--> statement-breakpoint
CREATE TABLE `visitor_behavior` (
	`visitor_id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`visit_count` integer DEFAULT 0 NOT NULL,
	`first_utm_source` text,
	`first_utm_medium` text,
	`first_utm_campaign` text,
	`last_page` text,
	`last_page_at` integer,
	FOREIGN KEY (`visitor_id`) REFERENCES `visitors`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
DROP INDEX `sync_jobs_open_target_idx`;--> statement-breakpoint
ALTER TABLE `sync_jobs` ADD `event_name` text;--> statement-breakpoint
ALTER TABLE `sync_jobs` ADD `event_created_at` integer;--> statement-breakpoint
ALTER TABLE `sync_jobs` ADD `idempotency_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `sync_jobs_idempotency_idx` ON `sync_jobs` (`workspace_id`,`idempotency_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `sync_jobs_open_target_idx` ON `sync_jobs` (`workspace_id`,`target_key`) WHERE status in ('pending', 'waiting_identification', 'paused') and kind <> 'event';