import { readAttribute, refForName } from "./attributes";
import { isBlank } from "./coerce";
import type { EvaluationContext } from "./evaluate";

// Merge tags in variant content. Syntax (whitespace allowed around every token):
//   {{intercom.favorite_color}}                     standard field or custom attribute by name
//   {{intercom["Signup Source"]}}                   names with spaces or other characters
//   {{segment.role}}                                the visitor's segment(s) in a group, comma-separated
//   {{intercom.name | fallback: "there"}}           fallback in "…" or '…'; \" \' \\ escape
// Values and fallbacks are HTML-escaped; the template around them is the marketer's HTML and is
// not. A missing, null or blank value renders the fallback, or "" without one. Malformed or
// unknown tags are left in the output untouched (it's the marketer's own text) and reported by
// extractMergeTags so the editor can refuse to publish them.
// Values are escaped for text and quoted attributes; HTML content is rendered through
// renderContent (render-content.ts), which also knows each tag's place (html-policy.ts): tags in
// handlers, styles, scripts or unquoted values render nothing, URL attributes must come out safe.

export type MergeTagNamespace = "intercom" | "segment";

export interface MergeTag {
  /** The tag as written, braces included. */
  source: string;
  start: number;
  end: number;
  namespace: MergeTagNamespace;
  /** Attribute name (intercom) or segment group key (segment). */
  key: string;
  /** Canonical form: `intercom.name`, `intercom["Signup Source"]`, `segment.role`. */
  path: string;
  fallback?: string;
}

export interface MergeTagProblem {
  source: string;
  start: number;
  end: number;
  /** 1-based, for the editor's gutter. */
  line: number;
  column: number;
  message: string;
}

export interface RenderedMergeTag {
  /** The tag as written in the template. */
  expression: string;
  path: string;
  /** Unescaped text that was rendered (escaped in `html`). */
  value: string;
  /** The contact had no value: `value` is the fallback, or "" without one. */
  usedFallback: boolean;
}

export interface RenderOptions {
  /** group key → segment key → display name, for {{segment.<group>}}; keys render as-is without it. */
  segmentNames?: Record<string, Record<string, string>>;
  /** The template is plain text, not HTML: escape the text around the tags too. */
  plainText?: boolean;
  /**
   * Where the tags sit in HTML (lib/rules/html-policy.ts, via renderContent): blocked tags render
   * nothing, and a URL attribute whose result isn't safe (`isSafe`, given the escaped value) uses
   * the fallbacks, else renders empty.
   */
  contexts?: { blockedTagStarts: ReadonlySet<number>; urlSpans: readonly { start: number; end: number }[]; isSafe: (escapedValue: string) => boolean };
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

type ScanItem = { ok: true; tag: MergeTag } | { ok: false; problem: Omit<MergeTagProblem, "line" | "column"> };

export function extractMergeTags(template: string): { tags: MergeTag[]; problems: MergeTagProblem[] } {
  const tags: MergeTag[] = [];
  const problems: MergeTagProblem[] = [];
  for (const item of scan(template)) {
    if (item.ok) tags.push(item.tag);
    else problems.push({ ...item.problem, ...lineAndColumn(template, item.problem.start) });
  }
  return { tags, problems };
}

// Published templates are few and rendered on every decision: scan and parse each one once.
// Tags are read-only after parsing; the cache holds at most SCAN_CACHE_MAX templates.
const SCAN_CACHE_MAX = 2_000;
const scanned = new Map<string, MergeTag[]>();
function wellFormedTags(template: string): MergeTag[] {
  let tags = scanned.get(template);
  if (!tags) {
    tags = [...scan(template)].flatMap((item) => (item.ok ? [item.tag] : []));
    if (scanned.size >= SCAN_CACHE_MAX) scanned.delete(scanned.keys().next().value!);
    scanned.set(template, tags);
  }
  return tags;
}

export function renderMergeTags(
  template: string,
  context: EvaluationContext,
  options: RenderOptions = {},
): { html: string; tags: RenderedMergeTag[] } {
  const rendered: RenderedMergeTag[] = [];
  const literal = (text: string) => (options.plainText ? escapeHtml(text) : text);
  let html = "";
  let cursor = 0;
  const tags = wellFormedTags(template); // malformed tags stay as written
  const contexts = options.contexts;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!;
    const span = contexts?.urlSpans.find((s) => s.start <= tag.start && tag.start < s.end);
    if (contexts && span) {
      // A URL attribute is rendered whole, then checked as the browser will read it.
      const inSpan = tags.filter((t) => t.start >= span.start && t.start < span.end);
      const fill = (useFallback: boolean) => {
        let out = "";
        let at = span.start;
        for (const t of inSpan) {
          const found = useFallback ? undefined : lookup(t, context, options);
          out += template.slice(at, t.start) + escapeHtml(found ?? t.fallback ?? "");
          at = t.end;
        }
        return out + template.slice(at, span.end);
      };
      const withValues = fill(false);
      const safe = contexts.isSafe(withValues) ? withValues : contexts.isSafe(fill(true)) ? fill(true) : "";
      html += literal(template.slice(cursor, span.start)) + safe;
      for (const t of inSpan) {
        const found = safe === withValues ? lookup(t, context, options) : undefined;
        rendered.push({ expression: t.source, path: t.path, value: found ?? t.fallback ?? "", usedFallback: found === undefined });
      }
      cursor = span.end;
      i += inSpan.length - 1;
      continue;
    }
    if (contexts?.blockedTagStarts.has(tag.start)) {
      html += literal(template.slice(cursor, tag.start));
      cursor = tag.end;
      rendered.push({ expression: tag.source, path: tag.path, value: "", usedFallback: true });
      continue;
    }
    const found = lookup(tag, context, options);
    const usedFallback = found === undefined;
    const value = found ?? tag.fallback ?? "";
    html += literal(template.slice(cursor, tag.start)) + escapeHtml(value);
    cursor = tag.end;
    rendered.push({ expression: tag.source, path: tag.path, value, usedFallback });
  }
  return { html: html + literal(template.slice(cursor)), tags: rendered };
}

function lookup(tag: MergeTag, context: EvaluationContext, options: RenderOptions): string | undefined {
  if (tag.namespace === "segment") {
    const keys = Object.hasOwn(context.segments, tag.key) ? (context.segments[tag.key] ?? []) : [];
    const names = options.segmentNames?.[tag.key];
    const text = keys.map((key) => (names && Object.hasOwn(names, key) ? names[key] : key)).join(", ");
    return text === "" ? undefined : text;
  }
  const contact = context.intercom.available && !context.intercom.hideFields ? context.intercom.contact : undefined;
  if (!contact) return undefined;
  const value = readAttribute(contact, refForName(tag.key));
  if (isBlank(value)) return undefined;
  if (typeof value === "string") return value;
  if ((typeof value === "number" && Number.isFinite(value)) || typeof value === "boolean") return String(value);
  return undefined; // objects and arrays have no sensible text form
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lastBreak = before.lastIndexOf("\n");
  return { line: before.split("\n").length, column: offset - lastBreak };
}

function* scan(template: string): Generator<ScanItem> {
  let from = 0;
  for (let open = template.indexOf("{{", from); open !== -1; open = template.indexOf("{{", from)) {
    const close = findClose(template, open + 2);
    if (typeof close !== "number") {
      // Structural problem: report it and rescan right after "{{" so later tags still render.
      yield { ok: false, problem: { source: template.slice(open, close.end), start: open, end: close.end, message: close.message } };
      from = open + 2;
      continue;
    }
    const end = close + 2;
    const source = template.slice(open, end);
    const parsed = parseExpression(template.slice(open + 2, close));
    if ("message" in parsed) yield { ok: false, problem: { source, start: open, end, message: parsed.message } };
    else yield { ok: true, tag: { source, start: open, end, ...parsed } };
    from = end;
  }
}

/** Index of the closing "}}", skipping quoted strings (a fallback may contain "}}"). */
function findClose(text: string, from: number): number | { end: number; message: string } {
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      const after = skipString(text, i);
      if (after === undefined) return { end: text.length, message: `Unterminated string: add the closing ${ch}.` };
      i = after - 1;
    } else if (text.startsWith("}}", i)) {
      return i;
    } else if (text.startsWith("{{", i)) {
      return { end: i, message: "This merge tag isn't closed with }}." };
    }
  }
  return { end: Math.min(text.length, from + 40), message: "This merge tag isn't closed with }}." };
}

/** Index just past the string starting at `start`, or undefined when it never ends. */
function skipString(text: string, start: number): number | undefined {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === quote) return i + 1;
  }
  return undefined;
}

type Parsed = Omit<MergeTag, "source" | "start" | "end">;

const IDENT = /[\p{L}\p{N}\p{Sc}_-]+/uy;
const SPACE = /\s*/y;
const NAMESPACE = /[A-Za-z_]\w*/y;
const FILTER = /\|\s*([A-Za-z_]\w*)\s*/y;

// A tiny recursive-descent parser over one tag's inside, using sticky regexes.
function parseExpression(inner: string): Parsed | { message: string } {
  let pos = 0;
  const take = (re: RegExp): RegExpExecArray | null => {
    re.lastIndex = pos;
    const match = re.exec(inner);
    if (match) pos = re.lastIndex;
    return match;
  };
  const readString = (): string | undefined => {
    const quote = inner[pos];
    if (quote !== '"' && quote !== "'") return undefined;
    const after = skipString(inner, pos);
    if (after === undefined) return undefined;
    const body = inner.slice(pos + 1, after - 1).replace(/\\(.)/gs, "$1");
    pos = after;
    return body;
  };

  take(SPACE);
  if (pos === inner.length) return { message: "Empty merge tag." };
  const namespace = take(NAMESPACE)?.[0];
  if (namespace !== "intercom" && namespace !== "segment") {
    return { message: `Unknown merge tag. Use {{intercom.<attribute>}} or {{segment.<group>}}.` };
  }

  let key: string | undefined;
  let path: string;
  if (inner[pos] === ".") {
    pos++;
    key = take(IDENT)?.[0];
    path = `${namespace}.${key}`;
  } else if (inner[pos] === "[" && namespace === "intercom") {
    pos++;
    take(SPACE);
    key = readString()?.trim();
    take(SPACE);
    if (inner[pos] !== "]") return { message: `Write names with spaces as intercom["Signup Source"].` };
    pos++;
    path = `intercom[${JSON.stringify(key)}]`;
  } else {
    return { message: `Add the ${namespace === "intercom" ? "attribute" : "segment group"}: {{${namespace}.<name>}}.` };
  }
  if (!key) return { message: `Add the ${namespace === "intercom" ? "attribute" : "segment group"} name after "${namespace}".` };

  take(SPACE);
  let fallback: string | undefined;
  const filter = take(FILTER);
  if (filter) {
    if (filter[1] !== "fallback") return { message: `Unknown filter "${filter[1]}". Only fallback is supported.` };
    if (inner[pos] !== ":") return { message: 'Write the fallback as | fallback: "text".' };
    pos++;
    take(SPACE);
    fallback = readString();
    if (fallback === undefined) return { message: 'Put the fallback text in quotes: | fallback: "text".' };
    take(SPACE);
  }
  if (pos !== inner.length) return { message: `Unexpected "${inner.slice(pos, pos + 20)}" in merge tag.` };
  return fallback === undefined ? { namespace, key, path } : { namespace, key, path, fallback };
}
