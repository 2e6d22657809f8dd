CREATE TABLE `draft_authors` (
	`workspace_id` text NOT NULL,
	`user_id` text NOT NULL,
	`last_edited_at` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `user_id`),
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
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
ALTER TABLE `config_versions` ADD `author_user_ids` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `user_id` text REFERENCES users(id);