// Data event names: Intercom presents them to admins when filtering and building segments, and
// recommends a past-tense verb-noun ("invited-friend", "viewed-pricing"). Tailor holds names to that:
// lowercase words joined by hyphens, the first a past-tense verb. Pure (used by the form and the server).
import { z } from "zod";

export const EVENT_NAME_MAX = 64;

// Past tenses that don't end in -ed.
const IRREGULAR_PAST = new Set(
  "began bought brought built came caught chose did drew drove fed felt found forgot froze gave got grew heard held hid kept knew led left lent let lost made meant met paid put quit ran read rode rang said sat saw sent set shook shot showed sold spent spoke stood stole stuck swam took taught told thought threw understood upgraded went won wore wrote".split(" "),
);

export function eventNameProblem(name: string): string | null {
  if (name.length === 0) return "Give the event a name.";
  if (name.length > EVENT_NAME_MAX) return `At most ${EVENT_NAME_MAX} characters.`;
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)+$/.test(name)) return "Use lowercase words joined by hyphens, verb first: e.g. viewed-pricing.";
  const verb = name.split("-")[0]!;
  if (!verb.endsWith("ed") && !IRREGULAR_PAST.has(verb)) return `Start with a past-tense verb (“${verb}” isn't one): e.g. completed-onboarding, clicked-cta.`;
  return null;
}

export const eventNameSchema = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const problem = eventNameProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
