import "server-only";
import { getRuleBuilderOptions, type RuleBuilderOptions } from "@/lib/builder-options/rules";
import { getSegmentsOverview } from "@/lib/segments/segments";
import type { QuestionOption } from "@/lib/flows/builder-outline";

export type FlowBuilderOptions = RuleBuilderOptions & { questions: QuestionOption[] };

/** What the flow builder offers: the Segments page's questions (with group and answers) and the rule builder's options. */
export async function getFlowBuilderOptions(workspaceId: string, editor?: { userId: string }): Promise<FlowBuilderOptions> {
  const [rules, overview] = await Promise.all([getRuleBuilderOptions(workspaceId, editor), getSegmentsOverview(workspaceId)]);
  const questions = overview.questions.map((q) => ({
    key: q.key,
    text: q.text,
    groupName: q.groupName,
    answers: q.answers.map((a) => ({ label: a.label, segmentName: a.segmentName })),
  }));
  return { questions, ...rules };
}
