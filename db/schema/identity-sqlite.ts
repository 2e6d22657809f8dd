import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { workspaces } from "./sqlite";
import { IDENTITY_POLICIES } from "./identity-types";

// Identity verification per site (one site per workspace). A missing row means the defaults:
// policy "required" and no secret yet. Mirror of ./identity-pg.ts.
export const siteIdentity = sqliteTable("site_identity", {
  workspaceId: text("workspace_id").primaryKey().references(() => workspaces.id, { onDelete: "cascade" }),
  policy: text("policy", { enum: IDENTITY_POLICIES }).notNull().default("required"),
  // lib/crypto.ts ciphertext of the HMAC secret; never sent to the browser.
  secretCiphertext: text("secret_ciphertext"),
  secretRotatedAt: integer("secret_rotated_at", { mode: "timestamp_ms" }),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});
