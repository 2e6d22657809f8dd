import { describeRule } from "@/lib/rules/describe";
import { isRouted, stepTypeLabels, type FlowStep } from "./schema";
import { stepLabel, stepsInLoops, type FlowProblem, type KnownQuestions } from "./validate";

// The builder's outline: each step as a node with its labelled outgoing edges, and the flags the
// step cards show. Pure, so the editor recomputes it on every change.

export type QuestionOption = { key: string; text: string; groupName: string; answers: { label: string; segmentName: string }[] };

export type OutlineTarget = { kind: "step"; stepId: string; label: string } | { kind: "finish" } | { kind: "missing" };
export type OutlineEdge = { label: string; target: OutlineTarget };
export type OutlineNode = {
  stepId: string;
  index: number;
  label: string;
  typeLabel: string;
  isStart: boolean;
  isEnd: boolean;
  unreachable: boolean;
  inLoop: boolean;
  problems: FlowProblem[];
  edges: OutlineEdge[];
};

export function questionMap(questions: readonly QuestionOption[]): Map<string, string> {
  return new Map(questions.map((q) => [q.key, q.text]));
}

export function buildOutline(steps: readonly FlowStep[], problems: readonly FlowProblem[], questions: KnownQuestions): OutlineNode[] {
  const indexOf = new Map(steps.map((s, i) => [s.id, i]));
  const targetOf = (next: string | null): OutlineTarget => {
    if (next === null) return { kind: "finish" };
    const i = indexOf.get(next);
    return i === undefined ? { kind: "missing" } : { kind: "step", stepId: next, label: stepLabel(steps[i]!, i, questions) };
  };
  const looping = stepsInLoops(steps);
  return steps.map((step, index) => {
    const edges: OutlineEdge[] = isRouted(step)
      ? [
          ...step.branches.map((b, i) => ({ label: `Branch ${i + 1}: if ${describeRule(b.rule)}`, target: targetOf(b.next) })),
          { label: step.branches.length > 0 ? "Otherwise" : "Next", target: targetOf(step.defaultNext) },
        ]
      : [];
    return {
      stepId: step.id,
      index,
      label: stepLabel(step, index, questions),
      typeLabel: stepTypeLabels[step.type],
      isStart: index === 0,
      isEnd: step.type === "end",
      unreachable: problems.some((p) => p.kind === "unreachable" && p.stepId === step.id),
      inLoop: looping.has(step.id),
      problems: problems.filter((p) => p.stepId === step.id),
      edges,
    };
  });
}

/** One edge of the tree: the step it leads to is drawn here the first time, and referred to after. */
export type TreeEdge = { edge: OutlineEdge; child: TreeNode | null; shownAbove: boolean; loopsBack: boolean };
export type TreeNode = { node: OutlineNode; edges: TreeEdge[] };

/**
 * The outline as paths from the start: each step drawn under the first edge that reaches it
 * (depth-first, branches in order), later edges point back to it; steps no path reaches come after.
 */
export function buildTree(nodes: readonly OutlineNode[]): { root: TreeNode | null; detached: TreeNode[] } {
  const byId = new Map(nodes.map((n) => [n.stepId, n]));
  const drawn = new Set<string>();
  const grow = (node: OutlineNode, path: Set<string>): TreeNode => {
    drawn.add(node.stepId);
    const onPath = new Set(path).add(node.stepId);
    return {
      node,
      edges: node.edges.map((edge) => {
        const target = edge.target.kind === "step" ? byId.get(edge.target.stepId) : undefined;
        if (!target) return { edge, child: null, shownAbove: false, loopsBack: false };
        if (onPath.has(target.stepId)) return { edge, child: null, shownAbove: false, loopsBack: true };
        if (drawn.has(target.stepId)) return { edge, child: null, shownAbove: true, loopsBack: false };
        return { edge, child: grow(target, onPath), shownAbove: false, loopsBack: false };
      }),
    };
  };
  const root = nodes[0] ? grow(nodes[0], new Set()) : null;
  const detached = nodes.filter((n) => !drawn.has(n.stepId)).map((n) => (drawn.has(n.stepId) ? null : grow(n, new Set()))).filter((t): t is TreeNode => t !== null);
  return { root, detached };
}
