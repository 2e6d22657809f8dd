import type { Metadata } from "next";
import { EmptyState } from "@/components/empty-state";
import { BackLink } from "@/components/back-link";
import { PageHeader } from "@/components/page-header";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { GOAL_KIND_LABELS } from "@/lib/analytics/goal-schema";
import { listGoals } from "@/lib/analytics/goals";
import { requireCapability } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { listFlows } from "@/lib/flows/flows";
import { DeleteGoalButton } from "./_components/delete-goal-button";
import { GoalForm } from "./_components/islands";

export const metadata: Metadata = { title: "Goals" };

export default async function GoalsPage() {
  const ctx = await requireCapability("personalizations:read");
  const canEdit = can(ctx.role, "personalizations:edit");
  const [goals, flows] = await Promise.all([listGoals(ctx.workspaceId), canEdit ? listFlows(ctx.workspaceId) : Promise.resolve([])]);
  return (
    <>
      <BackLink href="/personalizations">Personalizations</BackLink>
      <PageHeader title="Goals" description="What counts as a conversion on your site. Each personalization measures its lift on one of them; goals apply as soon as they are saved." />
      <div className="space-y-6">
        {goals.length === 0 ? (
          <EmptyState title="No goals yet">A goal is a click, a page visit, a finished flow or a Tailor.track call that you want more of.</EmptyState>
        ) : (
          <Table>
            <caption className="sr-only">Goals</caption>
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead>Key</TableHead>
                <TableHead>Counts when</TableHead>
                {canEdit ? <TableHead className="sr-only">Actions</TableHead> : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {goals.map((g) => (
                <TableRow key={g.key}>
                  <TableCell className="font-medium">{g.name}</TableCell>
                  <TableCell className="font-mono text-xs">{g.key}</TableCell>
                  <TableCell className="text-sm">
                    {GOAL_KIND_LABELS[g.kind]}
                    {g.target ? <code className="ml-1 break-all rounded bg-zinc-100 px-1 font-mono text-xs">{g.target}</code> : null}
                  </TableCell>
                  {canEdit ? (
                    <TableCell className="text-right">
                      <DeleteGoalButton goalKey={g.key} name={g.name} />
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {canEdit ? (
          <Card aria-labelledby="add-goal-title">
            <CardTitle id="add-goal-title">Add a goal</CardTitle>
            <CardDescription>Conversions count for the variant (or holdout) each visitor saw before converting.</CardDescription>
            <div className="mt-4">
              <GoalForm flows={flows.map((f) => ({ key: f.key, name: f.name }))} />
            </div>
          </Card>
        ) : (
          <p className="text-sm text-zinc-600">An owner, admin or marketer can add goals.</p>
        )}
      </div>
    </>
  );
}
