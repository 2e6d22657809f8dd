CREATE TABLE `draft_authors` (
	`workspace_id` text NOT NULL,
	`user_id` text NOT NULL,
	`last_edited_at` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `user_id`),
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
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
CREATE TABLE `publish_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`requested_by_user_id` text,
	`note` text NOT NULL,
	`snapshot` text NOT NULL,
	`changes` text NOT NULL,
	`author_user_ids` text NOT NULL,
	`base_version` integer,
	`status` text NOT NULL,
	`decided_by_user_id` text,
	`decline_reason` text,
	`published_version` integer,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	`decided_at` integer,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`requested_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`decided_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `publish_requests_workspace_status_idx` ON `publish_requests` (`workspace_id`,`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `site_activity` (
	`workspace_id` text NOT NULL,
	`day` text NOT NULL,
	`decisions` integer DEFAULT 0 NOT NULL,
	`last_request_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `site_activity_workspace_day_idx` ON `site_activity` (`workspace_id`,`day`);--> statement-breakpoint
CREATE TABLE `analytics_conversions` (
	`workspace_id` text NOT NULL,
	`visitor_id` text NOT NULL,
	`placement_key` text NOT NULL,
	`arm` text NOT NULL,
	`goal_key` text NOT NULL,
	`first_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`visitor_id`) REFERENCES `visitors`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `analytics_conversions_once_idx` ON `analytics_conversions` (`workspace_id`,`visitor_id`,`placement_key`,`arm`,`goal_key`);--> statement-breakpoint
CREATE INDEX `analytics_conversions_first_idx` ON `analytics_conversions` (`first_at`);--> statement-breakpoint
CREATE TABLE `analytics_daily` (
	`workspace_id` text NOT NULL,
	`placement_key` text NOT NULL,
	`day` text NOT NULL,
	`arm` text NOT NULL,
	`goal_key` text NOT NULL,
	`visitors` integer DEFAULT 0 NOT NULL,
	`impressions` integer DEFAULT 0 NOT NULL,
	`conversions` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `analytics_daily_key_idx` ON `analytics_daily` (`workspace_id`,`placement_key`,`day`,`arm`,`goal_key`);--> statement-breakpoint
CREATE TABLE `analytics_events` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`visitor_id` text NOT NULL,
	`kind` text NOT NULL,
	`placement_key` text NOT NULL,
	`arm` text NOT NULL,
	`goal_key` text NOT NULL,
	`day` text NOT NULL,
	`occurred_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`visitor_id`) REFERENCES `visitors`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `analytics_events_once_idx` ON `analytics_events` (`workspace_id`,`visitor_id`,`placement_key`,`kind`,`arm`,`goal_key`,`day`);--> statement-breakpoint
CREATE INDEX `analytics_events_occurred_idx` ON `analytics_events` (`occurred_at`);--> statement-breakpoint
CREATE TABLE `analytics_exposures` (
	`workspace_id` text NOT NULL,
	`visitor_id` text NOT NULL,
	`placement_key` text NOT NULL,
	`arm` text NOT NULL,
	`first_at` integer NOT NULL,
	`last_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`visitor_id`) REFERENCES `visitors`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `analytics_exposures_visitor_arm_idx` ON `analytics_exposures` (`workspace_id`,`visitor_id`,`placement_key`,`arm`);--> statement-breakpoint
CREATE INDEX `analytics_exposures_last_idx` ON `analytics_exposures` (`last_at`);--> statement-breakpoint
CREATE TABLE `goals` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`target` text,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `goals_workspace_key_idx` ON `goals` (`workspace_id`,`key`);--> statement-breakpoint
ALTER TABLE `config_versions` ADD `author_user_ids` text;--> statement-breakpoint
ALTER TABLE `personalizations` ADD `holdout_percent` integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE `personalizations` ADD `primary_goal` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `user_id` text REFERENCES users(id);--> statement-breakpoint
CREATE INDEX `audit_log_workspace_action_idx` ON `audit_log` (`workspace_id`,`action`);--> statement-breakpoint
CREATE INDEX `visitor_answers_workspace_answered_idx` ON `visitor_answers` (`workspace_id`,`answered_at`);--> statement-breakpoint
CREATE INDEX `visitors_workspace_identified_idx` ON `visitors` (`workspace_id`,`identified_at`);--> statement-breakpoint
CREATE INDEX `sync_jobs_workspace_status_idx` ON `sync_jobs` (`workspace_id`,`status`);