import { pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { workspaces } from "./pg";
import { IDENTITY_POLICIES } from "./identity-types";

// Identity verification per site (one site per workspace). A missing row means the defaults:
// policy "required" and no secret yet. Mirror of ./identity-sqlite.ts.
export const siteIdentity = pgTable("site_identity", {
  workspaceId: text("workspace_id").primaryKey().references(() => workspaces.id, { onDelete: "cascade" }),
  policy: text("policy", { enum: IDENTITY_POLICIES }).notNull().default("required"),
  // lib/crypto.ts ciphertext of the HMAC secret; never sent to the browser.
  secretCiphertext: text("secret_ciphertext"),
  secretRotatedAt: timestamp("secret_rotated_at", { withTimezone: true, mode: "date" }),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull(),
});
