/** Every react-query key in one place, so invalidations can't drift from the queries. */
export const queryKeys = {
  intercom: {
    attributes: ["intercom", "attributes"] as const,
  },
  sync: {
    /** The sync log with its filters (status, contact, attribute, period). */
    log: (filter: Record<string, string>) => ["sync", "log", filter] as const,
    all: ["sync"] as const,
  },
  debug: {
    /** The debug panel's contact lookup: the query as typed and, after "several matches", the chosen id. */
    contact: (query: string, contactId: string | null) => ["debug", "contact", query, contactId] as const,
    /** A contact's data events and behaviour fields (loaded with the contact). */
    behavior: (contactId: string) => ["debug", "behavior", contactId] as const,
  },
};
