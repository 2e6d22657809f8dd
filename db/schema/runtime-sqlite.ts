import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, primaryKey, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users, workspaces } from "./sqlite";
import { IDENTIFIED_BY } from "./identity-types";
import { PUBLISH_REQUEST_STATUSES } from "./publishing-types";

// Website runtime: the snippet's site, visitors and their answers, personalizations (draft) and
// published configuration versions. Mirror of ./runtime-pg.ts.
const id = () => text("id").primaryKey().$defaultFn(() => crypto.randomUUID());
const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch() * 1000)`);
const workspaceId = () => text("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" });

export const sites = sqliteTable("sites", {
  workspaceId: text("workspace_id").primaryKey().references(() => workspaces.id, { onDelete: "cascade" }),
  siteKey: text("site_key").notNull().unique(),
  allowedOrigins: text("allowed_origins", { mode: "json" }).$type<string[]>().notNull(),
  hideMs: integer("hide_ms").notNull().default(600),
  /** Where the snippet sends its API calls (e.g. the runtime servers' host + /api/v1); null = the host tailor.js came from. */
  apiBase: text("api_base"),
  createdAt: createdAt(),
});

export const visitors = sqliteTable(
  "visitors",
  {
    id: id(),
    workspaceId: workspaceId(),
    anonymousId: text("anonymous_id").notNull(),
    email: text("email"),
    intercomContactId: text("intercom_contact_id"),
    linkReason: text("link_reason"),
    // How the identity was accepted (IDENTIFIED_BY); null while anonymous.
    identifiedBy: text("identified_by", { enum: IDENTIFIED_BY }),
    identifiedAt: integer("identified_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    lastSeenAt: integer("last_seen_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("visitors_workspace_anonymous_idx").on(t.workspaceId, t.anonymousId),
    index("visitors_workspace_contact_idx").on(t.workspaceId, t.intercomContactId),
    index("visitors_workspace_email_idx").on(t.workspaceId, t.email),
    // Overview: "identified today" is a range count on this index.
    index("visitors_workspace_identified_idx").on(t.workspaceId, t.identifiedAt),
  ],
);

export const visitorAnswers = sqliteTable(
  "visitor_answers",
  {
    id: id(),
    workspaceId: workspaceId(),
    visitorId: text("visitor_id").notNull().references(() => visitors.id, { onDelete: "cascade" }),
    questionKey: text("question_key").notNull(),
    groupKey: text("group_key").notNull(),
    segmentKeys: text("segment_keys", { mode: "json" }).$type<string[]>().notNull(),
    answeredAt: integer("answered_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("visitor_answers_visitor_question_idx").on(t.visitorId, t.questionKey),
    // Overview: "answers today" is a range count on this index.
    index("visitor_answers_workspace_answered_idx").on(t.workspaceId, t.answeredAt),
  ],
);

export const personalizations = sqliteTable(
  "personalizations",
  {
    id: id(),
    workspaceId: workspaceId(),
    placementKey: text("placement_key").notNull(),
    name: text("name").notNull(),
    defaultHtml: text("default_html").notNull(),
    variants: text("variants", { mode: "json" }).$type<unknown[]>().notNull(),
    position: integer("position").notNull(),
    // Share of matching visitors (0–50 %) kept on the default content as the control group.
    holdoutPercent: integer("holdout_percent").notNull().default(10),
    // The goal (goals.key) the results page measures lift on; null: none chosen yet.
    primaryGoal: text("primary_goal"),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("personalizations_workspace_placement_idx").on(t.workspaceId, t.placementKey)],
);

export const configVersions = sqliteTable(
  "config_versions",
  {
    id: id(),
    workspaceId: workspaceId(),
    version: integer("version").notNull(),
    snapshot: text("snapshot", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    changes: text("changes", { mode: "json" }).$type<string[]>().notNull(),
    restoredFromVersion: integer("restored_from_version"),
    publishedByUserId: text("published_by_user_id").references(() => users.id, { onDelete: "set null" }),
    // Who changed the draft this version publishes (lib/drafts/authors.ts); absent before authorship was recorded.
    authorUserIds: text("author_user_ids", { mode: "json" }).$type<string[]>(),
    publishedAt: integer("published_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("config_versions_workspace_version_idx").on(t.workspaceId, t.version)],
);

/** Who has changed the draft since the last publish: one row per editor, cleared by each publish. */
export const draftAuthors = sqliteTable(
  "draft_authors",
  {
    workspaceId: workspaceId(),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    lastEditedAt: integer("last_edited_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] })],
);

/**
 * A marketer's request to publish the draft as it was when they asked: the snapshot reviewed is
 * stored with it, so approving publishes exactly that (lib/publishing/requests.ts).
 */
export const publishRequests = sqliteTable(
  "publish_requests",
  {
    id: id(),
    workspaceId: workspaceId(),
    requestedByUserId: text("requested_by_user_id").references(() => users.id, { onDelete: "set null" }),
    note: text("note").notNull(),
    snapshot: text("snapshot", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    changes: text("changes", { mode: "json" }).$type<string[]>().notNull(),
    authorUserIds: text("author_user_ids", { mode: "json" }).$type<string[]>().notNull(),
    // The live version the request was made against (null: nothing published yet).
    baseVersion: integer("base_version"),
    status: text("status", { enum: PUBLISH_REQUEST_STATUSES }).notNull(),
    decidedByUserId: text("decided_by_user_id").references(() => users.id, { onDelete: "set null" }),
    declineReason: text("decline_reason"),
    publishedVersion: integer("published_version"),
    createdAt: createdAt(),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("publish_requests_workspace_status_idx").on(t.workspaceId, t.status, t.createdAt)],
);

// What the snippet's requests say about the site, per UTC day: decisions served and the last
// request (the Overview's "snippet installed"). Written in batches by lib/runtime/site-activity.ts.
export const siteActivity = sqliteTable(
  "site_activity",
  {
    workspaceId: workspaceId(),
    day: text("day").notNull(),
    decisions: integer("decisions").notNull().default(0),
    lastRequestAt: integer("last_request_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("site_activity_workspace_day_idx").on(t.workspaceId, t.day)],
);

// "Placement P was last seen on path X at T", from the placements the snippet finds on a page.
// Paths only (no query, fragment or ids); one row per placement key, capped per workspace.
export const placementSightings = sqliteTable(
  "placement_sightings",
  {
    workspaceId: workspaceId(),
    placementKey: text("placement_key").notNull(),
    path: text("path").notNull(),
    firstSeenAt: integer("first_seen_at", { mode: "timestamp_ms" }).notNull(),
    lastSeenAt: integer("last_seen_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("placement_sightings_workspace_key_idx").on(t.workspaceId, t.placementKey)],
);
