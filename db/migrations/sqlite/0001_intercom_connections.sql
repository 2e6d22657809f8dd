CREATE TABLE `intercom_connections` (
	`workspace_id` text PRIMARY KEY NOT NULL,
	`region` text NOT NULL,
	`token_ciphertext` text NOT NULL,
	`token_hint` text NOT NULL,
	`intercom_app_name` text NOT NULL,
	`intercom_app_id` text NOT NULL,
	`status` text NOT NULL,
	`status_reason` text,
	`connected_by_user_id` text,
	`connected_at` integer NOT NULL,
	`verified_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`connected_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
