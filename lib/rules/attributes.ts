// How rules and merge tags address contact data.
//
// Rules: standard Intercom fields by their API name (`email`, `role`, `created_at`, …); custom
// attributes as `custom.<name>`, where <name> is the attribute's Intercom `name` and may contain
// spaces (`custom.Signup Source`). Merge tags use `intercom.<name>` for both: Intercom refuses
// custom names that clash with standard ones, so a bare name is never ambiguous.

export const STANDARD_ATTRIBUTES = ["id", "email", "name", "role", "external_id", "created_at", "updated_at"] as const;
export type StandardAttribute = (typeof STANDARD_ATTRIBUTES)[number];

export const CUSTOM_ATTRIBUTE_PREFIX = "custom.";

export type AttributeRef = { source: "standard"; key: StandardAttribute } | { source: "custom"; key: string };

export interface ContactData {
  standard: Record<string, unknown>;
  custom: Record<string, unknown>;
}

export function isStandardAttribute(name: string): name is StandardAttribute {
  return (STANDARD_ATTRIBUTES as readonly string[]).includes(name);
}

/** Parses a rule's `attribute` field; null when it names neither a standard field nor `custom.<name>`. */
export function parseAttributeName(name: string): AttributeRef | null {
  if (name.startsWith(CUSTOM_ATTRIBUTE_PREFIX)) {
    const key = name.slice(CUSTOM_ATTRIBUTE_PREFIX.length).trim();
    return key === "" ? null : { source: "custom", key };
  }
  return isStandardAttribute(name) ? { source: "standard", key: name } : null;
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
