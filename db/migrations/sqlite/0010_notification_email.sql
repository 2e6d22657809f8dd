CREATE TABLE `notification_email_prefs` (
	`workspace_id` text NOT NULL,
	`user_id` text NOT NULL,
	`preference` text NOT NULL,
	`digest_sent_at` integer,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `user_id`),
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
