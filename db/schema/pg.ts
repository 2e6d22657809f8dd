import { boolean, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

// Mirror of ./sqlite.ts: same exports, same snake_case columns. db/schema/schema-parity.test.ts keeps them in step.
const id = () => text("id").primaryKey().$defaultFn(() => crypto.randomUUID());
const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();
const timestampCol = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const workspaceRef = () => text("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" });

export const workspaces = pgTable("workspaces", {
  id: id(),
  name: text("name").notNull(),
  slug: text("slug").notNull().unique(),
  createdAt: createdAt(),
});

export const users = pgTable("users", {
  id: id(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  createdAt: createdAt(),
});

export const memberships = pgTable(
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

export const auditLog = pgTable(
  "audit_log",
  {
    id: id(),
    workspaceId: text("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    actorUserId: text("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    target: text("target"),
    details: jsonb("details").$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_log_workspace_created_idx").on(t.workspaceId, t.createdAt),
    // The Overview's checklist asks "has anyone tested a contact in the debug panel?": one seek.
    index("audit_log_workspace_action_idx").on(t.workspaceId, t.action),
  ],
);

export const loginThrottle = pgTable("login_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true, mode: "date" }).notNull(),
  lockedUntil: timestamp("locked_until", { withTimezone: true, mode: "date" }),
});

export const intercomConnections = pgTable("intercom_connections", {
  workspaceId: text("workspace_id").primaryKey().references(() => workspaces.id, { onDelete: "cascade" }),
  region: text("region", { enum: ["US", "EU", "AU"] }).notNull(),
  tokenCiphertext: text("token_ciphertext").notNull(),
  tokenHint: text("token_hint").notNull(),
  intercomAppName: text("intercom_app_name").notNull(),
  intercomAppId: text("intercom_app_id").notNull(),
  status: text("status", { enum: ["connected", "needs_attention"] }).notNull(),
  statusReason: text("status_reason"),
  connectedByUserId: text("connected_by_user_id").references(() => users.id, { onDelete: "set null" }),
  connectedAt: timestamp("connected_at", { withTimezone: true, mode: "date" }).notNull(),
  verifiedAt: timestamp("verified_at", { withTimezone: true, mode: "date" }).notNull(),
});

export const segmentGroups = pgTable(
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

export const segments = pgTable(
  "segments",
  {
    id: id(),
    workspaceId: workspaceRef(),
    groupId: text("group_id").notNull().references(() => segmentGroups.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    name: text("name").notNull(),
    position: integer("position").notNull(),
    numericValue: doublePrecision("numeric_value"),
  },
  (t) => [uniqueIndex("segments_group_key_idx").on(t.groupId, t.key), index("segments_workspace_idx").on(t.workspaceId)],
);

export const questions = pgTable(
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

export const questionAnswers = pgTable(
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

export const intercomAttributes = pgTable(
  "intercom_attributes",
  {
    id: id(),
    workspaceId: workspaceRef(),
    name: text("name").notNull(),
    fullName: text("full_name").notNull(),
    label: text("label").notNull(),
    description: text("description").notNull(),
    dataType: text("data_type", { enum: ["string", "integer", "float", "boolean", "date"] }).notNull(),
    options: jsonb("options").$type<string[]>(),
    custom: boolean("custom").notNull(),
    archived: boolean("archived").notNull(),
    apiWritable: boolean("api_writable").notNull(),
    firstSeenAt: timestampCol("first_seen_at").notNull(),
    lastSeenAt: timestampCol("last_seen_at").notNull(),
    removedAt: timestampCol("removed_at"),
  },
  (t) => [uniqueIndex("intercom_attributes_workspace_name_idx").on(t.workspaceId, t.name)],
);

export const intercomAttributeLoads = pgTable("intercom_attribute_loads", {
  workspaceId: text("workspace_id").primaryKey().references(() => workspaces.id, { onDelete: "cascade" }),
  intercomAppId: text("intercom_app_id").notNull(),
  loadedAt: timestampCol("loaded_at").notNull(),
});

export const fieldMappings = pgTable(
  "field_mappings",
  {
    id: id(),
    workspaceId: workspaceRef(),
    sourceType: text("source_type", { enum: ["group", "question", "segment", "behavior"] }).notNull(),
    sourceId: text("source_id").notNull(),
    attributeName: text("attribute_name").notNull(),
    conversion: text("conversion").notNull(),
    options: jsonb("options").$type<Record<string, unknown>>(),
    writePolicy: text("write_policy", { enum: ["overwrite", "only_if_empty"] }).notNull(),
    enabled: boolean("enabled").notNull(),
    driftReason: text("drift_reason", { enum: ["archived", "removed", "not_writable", "not_in_workspace", "wrong_type"] }),
    position: integer("position").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    updatedByUserId: text("updated_by_user_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [index("field_mappings_workspace_idx").on(t.workspaceId, t.position)],
);
