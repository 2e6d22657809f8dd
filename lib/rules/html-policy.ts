/**
 * What marketer HTML (personalization content) may contain, and where merge tags may go.
 * Contact values are attacker-controlled (anyone can be an Intercom contact), so:
 * must never let a merge tag reach an event handler, style, <script>/<style>, an unquoted value or
 * an attribute outside the allow-list; never let a URL attribute render as anything but
 * http(s)/mailto/relative; never let content keep <script> or inline handlers.
 * Checked with a real HTML parser (parse5) at save and at publish, and again at render.
 */
import { parseFragment, type DefaultTreeAdapterMap } from "parse5";
import { extractMergeTags, type MergeTag } from "./merge-tags";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

/** Tags content may use (the sanitizer keeps exactly these). */
export const ALLOWED_TAGS = [
  "a", "abbr", "b", "blockquote", "br", "button", "caption", "cite", "code", "dd", "del", "details", "div", "dl", "dt", "em",
  "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "picture",
  "pre", "q", "s", "section", "small", "source", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
  "thead", "time", "tr", "u", "ul",
] as const;
/** Attributes content may use on any allowed tag (plus data-* and aria-*). */
export const ALLOWED_ATTRIBUTES = ["class", "id", "title", "alt", "lang", "dir", "role", "style", "width", "height", "target", "rel", "datetime", "colspan", "rowspan", "type", "name", "value", "loading"] as const;
/** Attributes holding a URL: a merge tag may fill them, but the result must be http(s), mailto or relative. */
export const URL_ATTRIBUTES = ["href", "src", "srcset", "cite", "poster"] as const;
/** Where a merge tag may go besides text: quoted, allow-listed attributes whose value is plain text or a URL. */
const MERGE_TAG_TEXT_ATTRIBUTES = new Set(["title", "alt", "value", "name", "class", "datetime"]);
export const SAFE_URL_SCHEMES = ["http", "https", "mailto"] as const;

const allowedTags = new Set<string>(ALLOWED_TAGS);
const allowedAttributes = new Set<string>([...ALLOWED_ATTRIBUTES, ...URL_ATTRIBUTES]);
const urlAttributes = new Set<string>(URL_ATTRIBUTES);
const isDataOrAria = (name: string) => /^(data|aria)-[a-z0-9_.:-]+$/.test(name);
const isEventHandler = (name: string) => /^on/i.test(name);

export type HtmlProblem = { message: string };

/** A URL attribute's value span in the template, so rendering can check what the tags produce. */
export type UrlSpan = { start: number; end: number };
export type TemplateAnalysis = { problems: HtmlProblem[]; urlSpans: UrlSpan[]; blockedTagStarts: Set<number> };

type Place =
  | { kind: "text"; start: number; end: number; parent: string }
  | { kind: "attr"; start: number; end: number; valueStart: number; valueEnd: number; name: string; tag: string; quoted: boolean }
  | { kind: "comment"; start: number; end: number };

/** Is this URL (entities decoded, as the browser will see it) http(s), mailto or relative? */
export function isSafeUrl(url: string): boolean {
  // Browsers drop ASCII whitespace/control characters anywhere in a scheme ("java\tscript:").
  const compact = url.replace(/[\u0000-\u0020\u007f]/g, "");
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1];
  return scheme === undefined || (SAFE_URL_SCHEMES as readonly string[]).includes(scheme.toLowerCase());
}

function places(html: string): { places: Place[]; elements: Element[] } {
  const fragment = parseFragment(html, { sourceCodeLocationInfo: true });
  const found: Place[] = [];
  const elements: Element[] = [];
  const walk = (node: Node, parent: string) => {
    const loc = "sourceCodeLocation" in node ? node.sourceCodeLocation : null;
    if (node.nodeName === "#text" && loc) found.push({ kind: "text", start: loc.startOffset, end: loc.endOffset, parent });
    else if (node.nodeName === "#comment" && loc) found.push({ kind: "comment", start: loc.startOffset, end: loc.endOffset });
    if (!("tagName" in node)) {
      if ("childNodes" in node) for (const child of node.childNodes) walk(child, parent);
      return;
    }
    elements.push(node);
    const attrLocs = node.sourceCodeLocation?.attrs ?? {};
    for (const attr of node.attrs) {
      const l = attrLocs[attr.name];
      if (!l) continue;
      const raw = html.slice(l.startOffset, l.endOffset);
      const eq = raw.indexOf("=");
      let valueStart = l.endOffset;
      let quoted = false;
      if (eq >= 0) {
        let i = eq + 1;
        while (/\s/.test(raw[i] ?? "")) i++;
        quoted = raw[i] === '"' || raw[i] === "'";
        valueStart = l.startOffset + i + (quoted ? 1 : 0);
      }
      const valueEnd = quoted ? l.endOffset - 1 : l.endOffset;
      found.push({ kind: "attr", start: l.startOffset, end: l.endOffset, valueStart, valueEnd, name: attr.name, tag: node.tagName, quoted });
    }
    const children = node.tagName === "template" && "content" in node ? node.content.childNodes : node.childNodes;
    for (const child of children) walk(child, node.tagName);
  };
  for (const child of fragment.childNodes) walk(child, "");
  return { places: found, elements };
}

function problemFor(tag: MergeTag, place: Place | undefined): string | null {
  const where = (p: Extract<Place, { kind: "attr" }>) => `the ${p.name} attribute of <${p.tag}>`;
  if (!place || place.kind === "comment") return null;
  if (place.kind === "text") {
    if (place.parent === "script" || place.parent === "style") return `Merge tag ${tag.source} is inside <${place.parent}>: merge tags can't go in scripts or styles.`;
    return null;
  }
  if (tag.start < place.valueStart) return `Merge tag ${tag.source} is in the name of an attribute of <${place.tag}>: put it in a quoted value or in the text.`;
  if (tag.end > place.valueEnd) {
    return `Merge tag ${tag.source} in ${where(place)} uses the attribute's own quote: write its fallback with the other kind of quote.`;
  }
  if (isEventHandler(place.name)) return `Merge tag ${tag.source} is in ${where(place)}: event handlers can't hold merge tags.`;
  if (place.name === "style") return `Merge tag ${tag.source} is in ${where(place)}: styles can't hold merge tags.`;
  if (!place.quoted) return `Merge tag ${tag.source} is in ${where(place)}, which isn't quoted: write ${place.name}="…".`;
  if (urlAttributes.has(place.name) || MERGE_TAG_TEXT_ATTRIBUTES.has(place.name) || isDataOrAria(place.name)) return null;
  return `Merge tag ${tag.source} is in ${where(place)}: merge tags may go in text and in the ${[...MERGE_TAG_TEXT_ATTRIBUTES, ...URL_ATTRIBUTES].join(", ")}, data-* and aria-* attributes.`;
}

/** Where each merge tag of a template sits, what's wrong with the content, and which URL spans need checking at render. */
export function analyzeTemplate(html: string): TemplateAnalysis {
  const { places: all, elements } = places(html);
  const problems: HtmlProblem[] = [];
  const urlSpans: UrlSpan[] = [];
  const blockedTagStarts = new Set<number>();
  for (const tag of extractMergeTags(html).tags) {
    const place = all.find((p) => p.start <= tag.start && tag.start < p.end);
    const problem = problemFor(tag, place);
    if (problem) {
      problems.push({ message: problem });
      blockedTagStarts.add(tag.start);
    } else if (place?.kind === "attr" && urlAttributes.has(place.name) && !urlSpans.some((s) => s.start === place.valueStart)) {
      urlSpans.push({ start: place.valueStart, end: place.valueEnd });
    }
  }
  for (const el of elements) {
    if (!allowedTags.has(el.tagName)) problems.push({ message: `<${el.tagName}> isn't allowed in content${el.tagName === "script" ? ": scripts never run from personalizations" : ""}. Remove it.` });
    for (const attr of el.attrs) {
      if (isEventHandler(attr.name)) problems.push({ message: `The ${attr.name} attribute of <${el.tagName}> isn't allowed: content can't run script. Remove it.` });
      else if (!allowedAttributes.has(attr.name) && !isDataOrAria(attr.name) && !attr.value.includes("{{")) {
        problems.push({ message: `The ${attr.name} attribute of <${el.tagName}> isn't allowed in content. Remove it.` });
      } else if (urlAttributes.has(attr.name) && !attr.value.includes("{{") && !isSafeUrl(attr.value)) {
        problems.push({ message: `The ${attr.name} of <${el.tagName}> must be an http(s), mailto or relative link.` });
      }
    }
  }
  return { problems, urlSpans, blockedTagStarts };
}

/** The problems of a personalization's HTML, as messages naming the place. */
export function contentProblems(html: string): string[] {
  return [...new Set(analyzeTemplate(html).problems.map((p) => p.message))];
}

/** The value of a URL attribute as the browser will see it (entities decoded), via the same parser. */
export function decodedAttributeValue(escapedValue: string): string {
  const fragment = parseFragment(`<a href="${escapedValue}"></a>`);
  const a = fragment.childNodes[0];
  return a && "attrs" in a ? (a.attrs[0]?.value ?? "") : "";
}
