import { pathToFileURL } from "node:url";
import { and, eq } from "drizzle-orm";
import { closeDb, getDb, tables, type DbOrTx } from "./client";
import { migrateDatabase } from "./migrate-db";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/permissions";

import { DEMO_PASSWORD } from "./demo-credentials";

export { DEMO_PASSWORD };

export const demoWorkspaces = [
  {
    slug: "acme",
    name: "Acme Inc",
    members: [
      { email: "owner@acme.test", name: "Olivia Owner", role: "owner" },
      { email: "admin@acme.test", name: "Adam Admin", role: "admin" },
      { email: "marketer@acme.test", name: "Maya Marketer", role: "marketer" },
      { email: "support@acme.test", name: "Sam Support", role: "support" },
    ],
  },
  {
    slug: "globex",
    name: "Globex",
    members: [{ email: "owner@globex.test", name: "Gus Globex", role: "owner" }],
  },
] as const satisfies readonly {
  slug: string;
  name: string;
  members: readonly { email: string; name: string; role: Role }[];
}[];

type DemoGroup = {
  key: string;
  name: string;
  selection: "single" | "multi";
  kind: "categorical" | "numeric_bucket";
  segments: { key: string; name: string; numericValue?: number }[];
};

export const demoGroups: DemoGroup[] = [
  {
    key: "role",
    name: "Role",
    selection: "single",
    kind: "categorical",
    segments: [
      { key: "founder", name: "Founder" },
      { key: "marketer", name: "Marketer" },
      { key: "developer", name: "Developer" },
    ],
  },
  {
    key: "company_size",
    name: "Company size",
    selection: "single",
    kind: "numeric_bucket",
    segments: [
      { key: "1_10", name: "1-10", numericValue: 10 },
      { key: "11_50", name: "11-50", numericValue: 50 },
      { key: "51_plus", name: "51+", numericValue: 51 },
    ],
  },
  {
    key: "interests",
    name: "Interests",
    selection: "multi",
    kind: "categorical",
    segments: [
      { key: "analytics", name: "Analytics" },
      { key: "automation", name: "Automation" },
      { key: "personalization", name: "Personalization" },
    ],
  },
];

export const demoQuestions = [
  { key: "describes_you", text: "What best describes you?", group: "role", answers: [["I run the company", "founder"], ["I work in marketing", "marketer"], ["I build the product", "developer"]] },
  { key: "team_size", text: "How many people work at your company?", group: "company_size", answers: [["1-10", "1_10"], ["11-50", "11_50"], ["More than 50", "51_plus"]] },
  { key: "looking_for", text: "What are you looking for?", group: "interests", answers: [["Better reports", "analytics"], ["Less manual work", "automation"], ["A site that fits each visitor", "personalization"]] },
] as const;

/** Demo segment groups and questions for one workspace; groups and questions that already exist (by key) are left alone. */
export async function seedDemoSegments(workspaceId: string, tx: DbOrTx = getDb()): Promise<void> {
  const { segmentGroups, segments, questions, questionAnswers } = tables;
  for (const [position, g] of demoGroups.entries()) {
    const [existing] = await tx.select().from(segmentGroups).where(and(eq(segmentGroups.workspaceId, workspaceId), eq(segmentGroups.key, g.key)));
    if (existing) continue;
    const [group] = await tx
      .insert(segmentGroups)
      .values({ workspaceId, key: g.key, name: g.name, selection: g.selection, kind: g.kind, position })
      .returning();
    await tx.insert(segments).values(
      g.segments.map((s, i) => ({ workspaceId, groupId: group!.id, key: s.key, name: s.name, position: i, numericValue: s.numericValue ?? null })),
    );
  }
  for (const [position, q] of demoQuestions.entries()) {
    const [existing] = await tx.select().from(questions).where(and(eq(questions.workspaceId, workspaceId), eq(questions.key, q.key)));
    if (existing) continue;
    const [group] = await tx.select().from(segmentGroups).where(and(eq(segmentGroups.workspaceId, workspaceId), eq(segmentGroups.key, q.group)));
    if (!group) continue;
    const segs = await tx.select().from(segments).where(eq(segments.groupId, group.id));
    const [question] = await tx.insert(questions).values({ workspaceId, key: q.key, text: q.text, groupId: group.id, position }).returning();
    await tx.insert(questionAnswers).values(
      q.answers.map(([label, segmentKey], i) => ({
        workspaceId,
        questionId: question!.id,
        label,
        segmentId: segs.find((s) => s.key === segmentKey)!.id,
        position: i,
      })),
    );
  }
}

/** Creates the demo workspaces and users if missing. Safe to run on every start. */
export async function seedDemo(): Promise<void> {
  const db = getDb();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const ws of demoWorkspaces) {
    await db.transaction(async (tx) => {
      const { workspaces, users, memberships } = tables;
      await tx.insert(workspaces).values({ slug: ws.slug, name: ws.name }).onConflictDoNothing();
      const [workspace] = await tx.select().from(workspaces).where(eq(workspaces.slug, ws.slug));
      for (const m of ws.members) {
        await tx.insert(users).values({ email: m.email, name: m.name, passwordHash }).onConflictDoNothing();
        const [user] = await tx.select().from(users).where(eq(users.email, m.email));
        const [existing] = await tx
          .select()
          .from(memberships)
          .where(and(eq(memberships.workspaceId, workspace!.id), eq(memberships.userId, user!.id)));
        if (!existing) await tx.insert(memberships).values({ workspaceId: workspace!.id, userId: user!.id, role: m.role });
      }
      if (ws.slug === "acme") await seedDemoSegments(workspace!.id, tx);
    });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await migrateDatabase();
  await seedDemo();
  console.log(`Seeded demo workspaces: ${demoWorkspaces.map((w) => w.name).join(", ")} (password: ${DEMO_PASSWORD})`);
  await closeDb();
}
