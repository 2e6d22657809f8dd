import { describe, expect, it } from "vitest";
import { demoFlow } from "@/lib/dev/seed-flow";
import { buildOutline, buildTree, type TreeNode } from "./builder-outline";
import type { FlowStep } from "./schema";
import { validateFlow } from "./validate";

const questions = new Map([["describes_you", "What best describes you?"]]);

/** The tree as indented lines, for readable expectations. */
function draw(tree: TreeNode, depth = 0): string[] {
  const pad = "  ".repeat(depth);
  return [
    `${pad}${tree.node.label}`,
    ...tree.edges.flatMap((e) => {
      const target = e.edge.target.kind === "step" ? e.edge.target.label : e.edge.target.kind;
      const note = e.shownAbove ? " (shown above)" : e.loopsBack ? " (loops back)" : "";
      return [`${pad}  ${e.edge.label} → ${target}${note}`, ...(e.child ? draw(e.child, depth + 2) : [])];
    }),
  ];
}

const tree = (steps: FlowStep[]) => buildTree(buildOutline(steps, validateFlow({ steps }, questions), questions));

describe("buildTree", () => {
  it("nests each step under the first branch that reaches it, and points back after", () => {
    const { root, detached } = tree(demoFlow.steps);
    expect(draw(root!)).toEqual([
      "Step 1 (What best describes you?)",
      "  Branch 1: if has tag customer → Step 2 (Welcome back!)",
      "    Step 2 (Welcome back!)",
      "      Next → Step 4 (Thanks!)",
      "        Step 4 (Thanks!)",
      "  Otherwise → Step 3 (Try Acme free for 14 days)",
      "    Step 3 (Try Acme free for 14 days)",
      "      Next → Step 4 (Thanks!) (shown above)",
    ]);
    expect(detached).toEqual([]);
  });

  it("marks loops and lists steps no path reaches", () => {
    const message = (id: string, defaultNext: string | null): FlowStep => ({ id, type: "message", title: id, body: "", buttonLabel: "OK", branches: [], defaultNext });
    const { root, detached } = tree([message("a", "b"), message("b", "a"), message("c", null)]);
    expect(draw(root!)).toEqual(["Step 1 (a)", "  Next → Step 2 (b)", "    Step 2 (b)", "      Next → Step 1 (a) (loops back)"]);
    expect(detached.map((t) => t.node.label)).toEqual(["Step 3 (c)"]);
  });
});
