import { pathToFileURL } from "node:url";
import { and, eq } from "drizzle-orm";
import { closeDb, getDb, tables } from "./client";
import { migrateDatabase } from "./migrate-db";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/permissions";

export const DEMO_PASSWORD = "tailor-demo";

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
    });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await migrateDatabase();
  await seedDemo();
  console.log(`Seeded demo workspaces: ${demoWorkspaces.map((w) => w.name).join(", ")} (password: ${DEMO_PASSWORD})`);
  await closeDb();
}
