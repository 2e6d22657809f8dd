CREATE TABLE `config_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`version` integer NOT NULL,
	`snapshot` text NOT NULL,
	`changes` text NOT NULL,
	`restored_from_version` integer,
	`published_by_user_id` text,
	`published_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`published_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `config_versions_workspace_version_idx` ON `config_versions` (`workspace_id`,`version`);--> statement-breakpoint
CREATE TABLE `personalizations` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`placement_key` text NOT NULL,
	`name` text NOT NULL,
	`default_html` text NOT NULL,
	`variants` text NOT NULL,
	`position` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `personalizations_workspace_placement_idx` ON `personalizations` (`workspace_id`,`placement_key`);--> statement-breakpoint
CREATE TABLE `sites` (
	`workspace_id` text PRIMARY KEY NOT NULL,
	`site_key` text NOT NULL,
	`allowed_origins` text NOT NULL,
	`hide_ms` integer DEFAULT 600 NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sites_site_key_unique` ON `sites` (`site_key`);--> statement-breakpoint
CREATE TABLE `visitor_answers` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`visitor_id` text NOT NULL,
	`question_key` text NOT NULL,
	`group_key` text NOT NULL,
	`segment_keys` text NOT NULL,
	`answered_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`visitor_id`) REFERENCES `visitors`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `visitor_answers_visitor_question_idx` ON `visitor_answers` (`visitor_id`,`question_key`);--> statement-breakpoint
CREATE TABLE `visitors` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`anonymous_id` text NOT NULL,
	`email` text,
	`intercom_contact_id` text,
	`link_reason` text,
	`identified_at` integer,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	`last_seen_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `visitors_workspace_anonymous_idx` ON `visitors` (`workspace_id`,`anonymous_id`);--> statement-breakpoint
CREATE INDEX `visitors_workspace_contact_idx` ON `visitors` (`workspace_id`,`intercom_contact_id`);--> statement-breakpoint
CREATE INDEX `visitors_workspace_email_idx` ON `visitors` (`workspace_id`,`email`);