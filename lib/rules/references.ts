import { isStandardAttribute, parseAttributeName } from "./attributes";
import { extractMergeTags } from "./merge-tags";
import { listConditions, type Rule } from "./schema";

// Which tags and attributes a rule or a template names that the workspace's Intercom doesn't have
// (a typo like `custmer`, an archived attribute). Pure, so the editors flag them as you type and the
// server lists them at save and publish with the same answer. Nothing is refused: a tag may be
// created in Intercom later; the marketer is told.

/** An Intercom data attribute as the editors offer it; `name` is Intercom's (`favorite_color`, `email`). */
export type CatalogueAttribute = { name: string; label: string; dataType: string; custom: boolean; archived: boolean; writable: boolean };

/** The workspace's Intercom tags and attributes; null when not known (not connected, not loaded yet): nothing is flagged then. */
export type IntercomCatalogue = { tags: string[] | null; attributes: CatalogueAttribute[] | null };

export type ReferenceState = "ok" | "missing" | "archived" | "unchecked";

export type ReferenceProblem = { kind: "tag" | "attribute" | "merge tag"; name: string; state: "missing" | "archived" };

/** A problem and where it is: `Personalization "Hero", variant "VIP" audience`. */
export type ReferenceLine = { where: string; problem: ReferenceProblem };

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Tags are matched case-insensitively, as Intercom does. */
export function tagState(catalogue: IntercomCatalogue, tag: string): ReferenceState {
  const name = tag.trim();
  if (catalogue.tags === null || name === "") return "unchecked";
  return catalogue.tags.some((t) => sameName(t, name)) ? "ok" : "missing";
}

/** An attribute by its Intercom name (`favorite_color`); standard fields always exist. */
export function intercomAttributeState(catalogue: IntercomCatalogue, name: string): ReferenceState {
  if (isStandardAttribute(name)) return "ok";
  if (catalogue.attributes === null || name.trim() === "") return "unchecked";
  const found = catalogue.attributes.find((a) => a.custom && sameName(a.name, name));
  if (!found) return "missing";
  return found.archived ? "archived" : "ok";
}

/** A rule's attribute (`intercom.favorite_color`, or an older spelling). */
export function ruleAttributeState(catalogue: IntercomCatalogue, attribute: string): ReferenceState {
  const ref = parseAttributeName(attribute);
  if (!ref) return "unchecked"; // malformed: the schema reports it
  return ref.source === "standard" ? "ok" : intercomAttributeState(catalogue, ref.key);
}

export function ruleReferenceProblems(rule: Rule, catalogue: IntercomCatalogue): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  for (const condition of listConditions(rule)) {
    if (condition.type === "tag") {
      const state = tagState(catalogue, condition.tag);
      if (state === "missing") problems.push({ kind: "tag", name: condition.tag.trim(), state });
    } else if (condition.type === "attribute") {
      const state = ruleAttributeState(catalogue, condition.attribute);
      if (state === "missing" || state === "archived") problems.push({ kind: "attribute", name: parseAttributeName(condition.attribute)?.key ?? condition.attribute, state });
    }
  }
  return unique(problems);
}

/** Well-formed `{{intercom.…}}` tags naming an attribute Intercom doesn't have (malformed ones are extractMergeTags' problems). */
export function templateReferenceProblems(template: string, catalogue: IntercomCatalogue): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  for (const tag of extractMergeTags(template).tags) {
    if (tag.namespace !== "intercom") continue;
    const state = intercomAttributeState(catalogue, tag.key);
    if (state === "missing" || state === "archived") problems.push({ kind: "merge tag", name: tag.path, state });
  }
  return unique(problems);
}

/** `tag "custmer" is not in Intercom`, `attribute "plan" is archived in Intercom`. */
export function describeReferenceProblem(problem: ReferenceProblem): string {
  const what = problem.kind === "merge tag" ? `merge tag {{${problem.name}}}` : `${problem.kind} "${problem.name}"`;
  return `${what} ${problem.state === "archived" ? "is archived in Intercom" : "is not in Intercom"}`;
}

/** `Personalization "Hero", variant "VIP" audience: tag "custmer" is not in Intercom`. */
export function describeReferenceLine(line: ReferenceLine): string {
  return `${line.where}: ${describeReferenceProblem(line.problem)}`;
}

function unique(problems: ReferenceProblem[]): ReferenceProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.kind}:${p.name.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
