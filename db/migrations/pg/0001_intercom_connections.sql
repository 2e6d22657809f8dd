CREATE TABLE "intercom_connections" (
	"workspace_id" text PRIMARY KEY NOT NULL,
	"region" text NOT NULL,
	"token_ciphertext" text NOT NULL,
	"token_hint" text NOT NULL,
	"intercom_app_name" text NOT NULL,
	"intercom_app_id" text NOT NULL,
	"status" text NOT NULL,
	"status_reason" text,
	"connected_by_user_id" text,
	"connected_at" timestamp with time zone NOT NULL,
	"verified_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "intercom_connections" ADD CONSTRAINT "intercom_connections_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intercom_connections" ADD CONSTRAINT "intercom_connections_connected_by_user_id_users_id_fk" FOREIGN KEY ("connected_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;