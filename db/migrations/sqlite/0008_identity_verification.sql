CREATE TABLE `site_identity` (
	`workspace_id` text PRIMARY KEY NOT NULL,
	`policy` text DEFAULT 'required' NOT NULL,
	`secret_ciphertext` text,
	`secret_rotated_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `visitors` ADD `identified_by` text;--> statement-breakpoint
ALTER TABLE `sync_jobs` ADD `identified_by` text;