/**
 * Sanitizes personalization HTML to the allow-list of html-policy.ts on save (defense in depth:
 * the schema already refuses what this would remove). Must never keep <script>, inline handlers
 * or non-http(s)/mailto URLs, and must keep merge tags exactly as they render.
 */
import sanitizeHtml from "sanitize-html";
import { ALLOWED_ATTRIBUTES, ALLOWED_TAGS, SAFE_URL_SCHEMES, URL_ATTRIBUTES } from "./html-policy";
import { extractMergeTags, type MergeTag } from "./merge-tags";

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...ALLOWED_TAGS],
  allowedAttributes: { "*": [...ALLOWED_ATTRIBUTES, ...URL_ATTRIBUTES, "data-*", "aria-*"] },
  allowedSchemes: [...SAFE_URL_SCHEMES],
  allowedSchemesAppliedToAttributes: [...URL_ATTRIBUTES],
  allowProtocolRelative: true,
  disallowedTagsMode: "discard",
};

/** The tag written with a single-quoted fallback, valid both in text and inside a "…" attribute. */
function portable(tag: MergeTag): string {
  if (!tag.source.includes('"')) return tag.source;
  if (tag.fallback === undefined) return tag.source;
  return `{{${tag.path} | fallback: '${tag.fallback.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'}}`;
}

export function sanitizeContent(html: string): string {
  const { tags } = extractMergeTags(html);
  if (tags.length === 0) return sanitizeHtml(html, OPTIONS);
  // Merge tags travel through the sanitizer as inert tokens, then come back.
  const nonce = Math.random().toString(36).slice(2, 10);
  const token = (i: number) => `tmt${nonce}x${i}x`;
  let masked = "";
  let at = 0;
  tags.forEach((tag, i) => {
    masked += html.slice(at, tag.start) + token(i);
    at = tag.end;
  });
  masked += html.slice(at);
  let clean = sanitizeHtml(masked, OPTIONS);
  tags.forEach((tag, i) => {
    // Inside a tag (an attribute the sanitizer re-quoted with "), the fallback must use ' instead.
    clean = clean.replace(token(i), () => {
      const at = clean.indexOf(token(i));
      const inTag = clean.lastIndexOf("<", at) > clean.lastIndexOf(">", at);
      return inTag ? portable(tag) : tag.source;
    });
  });
  return clean;
}
