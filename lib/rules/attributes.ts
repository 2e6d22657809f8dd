// How rules and merge tags address contact data: one naming, `intercom.<name>`, for standard fields
// (`intercom.email`) and custom attributes (`intercom.favorite_color`, `intercom.Signup Source`)
// alike. Intercom refuses custom names that clash with standard ones, so a bare name is never
// ambiguous. Merge tags write the same path in braces (`{{intercom.favorite_color}}`).
// Older rules said `custom.<name>` or a bare standard field (`email`): they still read correctly
// (canonicalAttributeName turns them into the one naming on read and on save).

export const STANDARD_ATTRIBUTES = ["id", "email", "name", "role", "external_id", "created_at", "updated_at"] as const;
export type StandardAttribute = (typeof STANDARD_ATTRIBUTES)[number];

export const INTERCOM_ATTRIBUTE_PREFIX = "intercom.";
/** The older spelling of custom attributes in rules; read, never written. */
const LEGACY_CUSTOM_PREFIX = "custom.";

export type AttributeRef = { source: "standard"; key: StandardAttribute } | { source: "custom"; key: string };

export interface ContactData {
  standard: Record<string, unknown>;
  custom: Record<string, unknown>;
}

export function isStandardAttribute(name: string): name is StandardAttribute {
  return (STANDARD_ATTRIBUTES as readonly string[]).includes(name);
}

/** Parses a rule's `attribute` field; null when it is neither `intercom.<name>` nor an older spelling. */
export function parseAttributeName(name: string): AttributeRef | null {
  for (const prefix of [INTERCOM_ATTRIBUTE_PREFIX, LEGACY_CUSTOM_PREFIX]) {
    if (!name.startsWith(prefix)) continue;
    const key = name.slice(prefix.length).trim();
    if (key === "") return null;
    return prefix === LEGACY_CUSTOM_PREFIX ? { source: "custom", key } : refForName(key);
  }
  return isStandardAttribute(name) ? { source: "standard", key: name } : null;
}

/** A rule's attribute in the one naming (`custom.x` → `intercom.x`, `email` → `intercom.email`); anything else unchanged. */
export function canonicalAttributeName(name: string): string {
  const ref = parseAttributeName(name);
  if (!ref) return name;
  // `custom.email` named a custom attribute called "email", which `intercom.email` would not: keep it.
  if (ref.source === "custom" && isStandardAttribute(ref.key)) return name;
  return `${INTERCOM_ATTRIBUTE_PREFIX}${ref.key}`;
}

/** The rule attribute for an Intercom attribute name: `favorite_color` → `intercom.favorite_color`. */
export function ruleAttributeName(intercomName: string): string {
  return `${INTERCOM_ATTRIBUTE_PREFIX}${intercomName}`;
}

/** The attribute as a marketer reads it: `email`, `favorite_color`, `Signup Source`. */
export function attributeLabel(name: string): string {
  return parseAttributeName(name)?.key ?? name;
}

/** Merge-tag lookup by bare name: standard field first, else custom attribute. */
export function refForName(name: string): AttributeRef {
  return isStandardAttribute(name) ? { source: "standard", key: name } : { source: "custom", key: name };
}

export function readAttribute(contact: ContactData, ref: AttributeRef): unknown {
  if (ref.source === "standard") return own(contact.standard, ref.key);
  if (Object.hasOwn(contact.custom, ref.key)) return contact.custom[ref.key];
  // Marketers type `Favorite_Color` for `favorite_color`; Intercom keeps names unique regardless of case.
  const lower = ref.key.toLowerCase();
  const match = Object.keys(contact.custom).find((key) => key.toLowerCase() === lower);
  return match === undefined ? undefined : contact.custom[match];
}

// Own properties only, so `constructor` or `__proto__` never resolve to Object.prototype members.
function own(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
