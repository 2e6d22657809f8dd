import { sql } from "drizzle-orm";
import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

// Mirror of ./pg.ts: same exports, same snake_case columns. db/schema/schema-parity.test.ts keeps them in step.
const id = () => text("id").primaryKey().$defaultFn(() => crypto.randomUUID());
const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch() * 1000)`);
const updatedAt = () =>
  integer("updated_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch() * 1000)`);
const timestampCol = (name: string) => integer(name, { mode: "timestamp_ms" });
const bool = (name: string) => integer(name, { mode: "boolean" });
const workspaceRef = () => text("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" });

export const workspaces = sqliteTable("workspaces", {
  id: id(),
  name: text("name").notNull(),
  slug: text("slug").notNull().unique(),
  createdAt: createdAt(),
});

export const users = sqliteTable("users", {
  id: id(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  createdAt: createdAt(),
});

export const memberships = sqliteTable(
  "memberships",
  {
    id: id(),
    workspaceId: text("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ["owner", "admin", "marketer", "support"] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("memberships_workspace_user_idx").on(t.workspaceId, t.userId),
    index("memberships_user_idx").on(t.userId),
  ],
);

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: id(),
    workspaceId: text("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    actorUserId: text("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    target: text("target"),
    details: text("details", { mode: "json" }).$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_log_workspace_created_idx").on(t.workspaceId, t.createdAt),
    // The Overview's checklist asks "has anyone tested a contact in the debug panel?": one seek.
    index("audit_log_workspace_action_idx").on(t.workspaceId, t.action),
  ],
);

// Failed sign-in counters per key ("email:…" or "ip:…"), kept in the database so every app
// process sees the same throttle.
export const loginThrottle = sqliteTable("login_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  windowStartedAt: integer("window_started_at", { mode: "timestamp_ms" }).notNull(),
  lockedUntil: integer("locked_until", { mode: "timestamp_ms" }),
});

// One Intercom connection per workspace. The token is stored only as lib/crypto.ts ciphertext;
// disconnecting deletes the row (and so the secret).
export const intercomConnections = sqliteTable("intercom_connections", {
  workspaceId: text("workspace_id").primaryKey().references(() => workspaces.id, { onDelete: "cascade" }),
  region: text("region", { enum: ["US", "EU", "AU"] }).notNull(),
  tokenCiphertext: text("token_ciphertext").notNull(),
  tokenHint: text("token_hint").notNull(),
  intercomAppName: text("intercom_app_name").notNull(),
  intercomAppId: text("intercom_app_id").notNull(),
  status: text("status", { enum: ["connected", "needs_attention"] }).notNull(),
  statusReason: text("status_reason"),
  connectedByUserId: text("connected_by_user_id").references(() => users.id, { onDelete: "set null" }),
  connectedAt: integer("connected_at", { mode: "timestamp_ms" }).notNull(),
  verifiedAt: integer("verified_at", { mode: "timestamp_ms" }).notNull(),
});

// Segment groups ("Role": Founder / Marketer / Developer). Keys are stable: Intercom values and
// mappings refer to them, so renaming a group or segment never changes its key.
export const segmentGroups = sqliteTable(
  "segment_groups",
  {
    id: id(),
    workspaceId: workspaceRef(),
    key: text("key").notNull(),
    name: text("name").notNull(),
    selection: text("selection", { enum: ["single", "multi"] }).notNull(),
    kind: text("kind", { enum: ["categorical", "numeric_bucket"] }).notNull(),
    position: integer("position").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("segment_groups_workspace_key_idx").on(t.workspaceId, t.key)],
);

export const segments = sqliteTable(
  "segments",
  {
    id: id(),
    workspaceId: workspaceRef(),
    groupId: text("group_id").notNull().references(() => segmentGroups.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    name: text("name").notNull(),
    position: integer("position").notNull(),
    // Only numeric-bucket groups: the number written for this bucket (e.g. 50 for "11-50").
    numericValue: real("numeric_value"),
  },
  (t) => [uniqueIndex("segments_group_key_idx").on(t.groupId, t.key), index("segments_workspace_idx").on(t.workspaceId)],
);

export const questions = sqliteTable(
  "questions",
  {
    id: id(),
    workspaceId: workspaceRef(),
    key: text("key").notNull(),
    text: text("text").notNull(),
    groupId: text("group_id").notNull().references(() => segmentGroups.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("questions_workspace_key_idx").on(t.workspaceId, t.key)],
);

export const questionAnswers = sqliteTable(
  "question_answers",
  {
    id: id(),
    workspaceId: workspaceRef(),
    questionId: text("question_id").notNull().references(() => questions.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    segmentId: text("segment_id").notNull().references(() => segments.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
  },
  (t) => [index("question_answers_question_idx").on(t.questionId), index("question_answers_segment_idx").on(t.segmentId)],
);

// Cache of the workspace's Intercom contact attributes. Rows are never deleted by a reload: an
// attribute Intercom no longer lists gets removed_at, so mappings to it can say what happened.
export const intercomAttributes = sqliteTable(
  "intercom_attributes",
  {
    id: id(),
    workspaceId: workspaceRef(),
    name: text("name").notNull(),
    fullName: text("full_name").notNull(),
    label: text("label").notNull(),
    description: text("description").notNull(),
    dataType: text("data_type", { enum: ["string", "integer", "float", "boolean", "date"] }).notNull(),
    options: text("options", { mode: "json" }).$type<string[]>(),
    custom: bool("custom").notNull(),
    archived: bool("archived").notNull(),
    apiWritable: bool("api_writable").notNull(),
    firstSeenAt: timestampCol("first_seen_at").notNull(),
    lastSeenAt: timestampCol("last_seen_at").notNull(),
    removedAt: timestampCol("removed_at"),
  },
  (t) => [uniqueIndex("intercom_attributes_workspace_name_idx").on(t.workspaceId, t.name)],
);

// When the cache above was last loaded, and from which Intercom workspace (a token for another
// Intercom workspace makes the cache meaningless).
export const intercomAttributeLoads = sqliteTable("intercom_attribute_loads", {
  workspaceId: text("workspace_id").primaryKey().references(() => workspaces.id, { onDelete: "cascade" }),
  intercomAppId: text("intercom_app_id").notNull(),
  loadedAt: timestampCol("loaded_at").notNull(),
});

// The workspace's DRAFT field mappings: saving edits these rows. A later Publish step copies them
// into a published version that the sync engine reads; until then, active = enabled and no drift.
export const fieldMappings = sqliteTable(
  "field_mappings",
  {
    id: id(),
    workspaceId: workspaceRef(),
    // Polymorphic (segment_groups / questions / segments), so no foreign key: deletes clean up in lib/segments.
    sourceType: text("source_type", { enum: ["group", "question", "segment", "behavior"] }).notNull(),
    sourceId: text("source_id").notNull(),
    attributeName: text("attribute_name").notNull(),
    conversion: text("conversion").notNull(),
    options: text("options", { mode: "json" }).$type<Record<string, unknown>>(),
    writePolicy: text("write_policy", { enum: ["overwrite", "only_if_empty"] }).notNull(),
    enabled: bool("enabled").notNull(),
    driftReason: text("drift_reason", { enum: ["archived", "removed", "not_writable", "not_in_workspace", "wrong_type"] }),
    position: integer("position").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    updatedByUserId: text("updated_by_user_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [index("field_mappings_workspace_idx").on(t.workspaceId, t.position)],
);
