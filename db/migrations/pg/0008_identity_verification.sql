CREATE TABLE "site_identity" (
	"workspace_id" text PRIMARY KEY NOT NULL,
	"policy" text DEFAULT 'required' NOT NULL,
	"secret_ciphertext" text,
	"secret_rotated_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "visitors" ADD COLUMN "identified_by" text;--> statement-breakpoint
ALTER TABLE "sync_jobs" ADD COLUMN "identified_by" text;--> statement-breakpoint
ALTER TABLE "site_identity" ADD CONSTRAINT "site_identity_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;