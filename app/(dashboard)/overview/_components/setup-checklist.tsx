import { IntentLink as Link } from "@/components/intent-link";
import { CheckCircle2, Circle } from "lucide-react";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { can, type Capability, type Role } from "@/lib/auth/permissions";
import { formatAgo } from "@/lib/format";
import { getSetupFacts, type SetupFacts, type SetupStepKey } from "@/lib/website/setup";
import { viewerDateStyle } from "@/lib/date-style";

type Step = { key: SetupStepKey; title: string; todo: string; href: string; action: string; capability: Capability; whoCan: string };

// The real order: each step needs the one before it to mean anything.
const steps: Step[] = [
  { key: "connect", title: "Connect Intercom", todo: "Paste an Intercom access token so Tailor can read your contacts.", href: "/integrations/intercom", action: "Connect Intercom", capability: "integrations:connect", whoCan: "An owner, admin or marketer" },
  { key: "map", title: "Map fields", todo: "Choose which Intercom fields your segments read and write.", href: "/integrations/intercom/mapping", action: "Map fields", capability: "mappings:edit", whoCan: "An owner or admin" },
  { key: "publish", title: "Publish", todo: "Make your personalizations, flows and mappings live with Publish in the header.", href: "/personalizations", action: "Review and publish", capability: "publish", whoCan: "An owner or admin" },
  { key: "test_contact", title: "Test a known contact", todo: "Look a real contact up in the debug panel to see which content they get and why.", href: "/debug", action: "Open the debug panel", capability: "debug:read", whoCan: "An owner, admin or support" },
  { key: "snippet", title: "Install the snippet", todo: "Add Tailor's script tag to your site; this ticks when your site calls Tailor.", href: "/settings/website", action: "Get the snippet", capability: "website:manage", whoCan: "An owner, admin or marketer" },
];

export async function SetupChecklist({ workspaceId, role }: { workspaceId: string; role: Role }) {
  const dateStyle = await viewerDateStyle();
  const facts: SetupFacts = await getSetupFacts(workspaceId);
  const done = steps.filter((s) => facts[s.key]).length;
  const next = steps.find((s) => !facts[s.key]);
  return (
    <Card aria-labelledby="setup-title" data-testid="setup-checklist">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <CardTitle id="setup-title">Set up Tailor</CardTitle>
        <p className="text-sm text-zinc-600">
          {done} of {steps.length} done
        </p>
      </div>
      {next ? null : <CardDescription>Everything is set up. Your site is personalized with what Intercom knows.</CardDescription>}
      <ol className="mt-3 space-y-2">
        {steps.map((step, i) => {
          const isDone = facts[step.key];
          const isNext = step === next;
          return (
            <li key={step.key} className="flex gap-3 text-sm" data-step={step.key} data-done={isDone ? "true" : "false"}>
              {isDone ? (
                <CheckCircle2 className="mt-0.5 size-5 shrink-0 text-emerald-600" aria-hidden />
              ) : (
                <Circle className={`mt-0.5 size-5 shrink-0 ${isNext ? "text-brand-600" : "text-zinc-300"}`} aria-hidden />
              )}
              <div className="min-w-0">
                <p className={isDone ? "text-zinc-600" : "font-medium text-zinc-900"}>
                  {i + 1}. {step.title}
                  <span className="sr-only">{isDone ? " (done)" : " (to do)"}</span>
                  {step.key === "snippet" && facts.snippetLastSeenAt ? (
                    <span className="font-normal text-zinc-500"> · last request {formatAgo(facts.snippetLastSeenAt, undefined, dateStyle)}</span>
                  ) : null}
                </p>
                {isNext ? (
                  <>
                    <p className="text-zinc-600">{step.todo}</p>
                    {can(role, step.capability) ? (
                      <Link href={step.href} className="mt-1 inline-block font-medium text-brand-700 hover:underline">
                        {step.action} →
                      </Link>
                    ) : (
                      <p className="mt-1 text-zinc-600">{step.whoCan} can do this step.</p>
                    )}
                  </>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
    </Card>
  );
}
