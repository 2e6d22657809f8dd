import { targetsOf, type FlowDraft, type FlowStep } from "./schema";

// What keeps a flow from going live. The builder shows these as you edit; publishing refuses an
// enabled flow that has any (a disabled flow may stay unfinished).

export type ProblemKind = "unknown_question" | "dangling" | "unreachable" | "loop";
export type FlowProblem = { kind: ProblemKind; stepId: string; message: string };

/** What validation needs to know about the workspace's questions: key → text. */
export type KnownQuestions = ReadonlyMap<string, string>;

export function stepLabel(step: FlowStep, index: number, questions?: KnownQuestions): string {
  const what =
    step.type === "question"
      ? (questions?.get(step.questionKey) ?? (step.questionKey || "no question chosen"))
      : step.title || (step.type === "end" ? "End" : "untitled");
  return `Step ${index + 1} (${what})`;
}

export function validateFlow(flow: Pick<FlowDraft, "steps">, questions: KnownQuestions): FlowProblem[] {
  const { steps } = flow;
  const problems: FlowProblem[] = [];
  const indexOf = new Map(steps.map((s, i) => [s.id, i]));
  const label = (step: FlowStep) => stepLabel(step, indexOf.get(step.id) ?? 0, questions);

  for (const step of steps) {
    if (step.type === "question" && !questions.has(step.questionKey)) {
      problems.push({
        kind: "unknown_question",
        stepId: step.id,
        message: step.questionKey
          ? `${label(step)} asks "${step.questionKey}", which is no longer a question. Choose another question.`
          : `${label(step)} has no question. Choose one.`,
      });
    }
    if (step.type === "end") continue;
    step.branches.forEach((branch, i) => {
      if (branch.next !== null && !indexOf.has(branch.next)) {
        problems.push({ kind: "dangling", stepId: step.id, message: `${label(step)}: branch ${i + 1} goes to a step that doesn't exist. Choose where it goes.` });
      }
    });
    if (step.defaultNext !== null && !indexOf.has(step.defaultNext)) {
      problems.push({ kind: "dangling", stepId: step.id, message: `${label(step)}: "otherwise" goes to a step that doesn't exist. Choose where it goes.` });
    }
  }

  const reachable = reachableFrom(steps);
  for (const step of steps) {
    if (!reachable.has(step.id)) {
      problems.push({ kind: "unreachable", stepId: step.id, message: `${label(step)} can't be reached: no step leads to it. Link it from another step or delete it.` });
    }
  }

  for (const cycle of findCycles(steps)) {
    const names = cycle.map((id) => label(steps[indexOf.get(id)!]!));
    problems.push({
      kind: "loop",
      stepId: cycle[0]!,
      message: `Loop: ${[...names, names[0]].join(" → ")}. A flow must always move forward; send one of these steps elsewhere.`,
    });
  }
  return problems;
}

function edgesOf(steps: readonly FlowStep[]): Map<string, string[]> {
  const ids = new Set(steps.map((s) => s.id));
  return new Map(steps.map((s) => [s.id, [...new Set(targetsOf(s).filter((t): t is string => t !== null && ids.has(t)))]]));
}

function reachableFrom(steps: FlowStep[]): Set<string> {
  const edges = edgesOf(steps);
  const seen = new Set<string>();
  const stack = steps.length > 0 ? [steps[0]!.id] : [];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(edges.get(id) ?? []));
  }
  return seen;
}

/** Every step that can come back to itself; validateFlow reports one problem per loop, the builder flags every step in it. */
export function stepsInLoops(steps: readonly FlowStep[]): Set<string> {
  const edges = edgesOf(steps);
  const looping = new Set<string>();
  for (const start of edges.keys()) {
    const seen = new Set<string>();
    const stack = [...(edges.get(start) ?? [])];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (id === start) {
        looping.add(start);
        break;
      }
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(...(edges.get(id) ?? []));
    }
  }
  return looping;
}

/** One cycle per strongly connected loop, as step ids in order, found by depth-first search. */
function findCycles(steps: FlowStep[]): string[][] {
  const edges = edgesOf(steps);
  const state = new Map<string, "open" | "done">();
  const path: string[] = [];
  const cycles: string[][] = [];
  const inCycle = new Set<string>();

  const visit = (id: string) => {
    state.set(id, "open");
    path.push(id);
    for (const next of edges.get(id) ?? []) {
      if (state.get(next) === "open") {
        const cycle = path.slice(path.indexOf(next));
        if (!cycle.some((s) => inCycle.has(s))) {
          cycles.push(cycle);
          cycle.forEach((s) => inCycle.add(s));
        }
      } else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(id, "done");
  };
  for (const step of steps) if (!state.has(step.id)) visit(step.id);
  return cycles;
}
