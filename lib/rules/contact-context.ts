import type { EvaluationContext, RuleContact } from "./evaluate";

// Own input types rather than lib/intercom's, so the rules core stays free of the API client;
// lib/intercom's IntercomContact and ContactTag fit them structurally.

export interface ContactViewInput {
  id: string;
  role: string;
  email: string | null;
  name: string | null;
  externalId: string | null;
  customAttributes: Record<string, string | number | boolean | null>;
  /** Unix seconds. */
  createdAt?: number | null;
  updatedAt?: number | null;
}

export interface ContactTagInput {
  id: string;
  name: string;
}

/** The contact as rules and merge tags read it: standard fields under their Intercom API names. */
export function toRuleContact(contact: ContactViewInput, tags: readonly ContactTagInput[]): RuleContact {
  return {
    standard: {
      id: contact.id,
      role: contact.role,
      email: contact.email,
      name: contact.name,
      external_id: contact.externalId,
      created_at: contact.createdAt ?? null,
      updated_at: contact.updatedAt ?? null,
    },
    custom: { ...contact.customAttributes },
    tags: tags.map((tag) => tag.name),
  };
}

/** The `intercom` part of an evaluation context; pass null for anonymous visitors or when Intercom failed. */
export function intercomContext(contact: RuleContact | null): EvaluationContext["intercom"] {
  return contact ? { available: true, contact } : { available: false };
}
