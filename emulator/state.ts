// In-memory store seeded from fixture.json. Routes read and mutate it; `reset()` restores the seed.
// Plain data only (no HTTP), so tests can inspect it directly through `emulator.state`.
import { randomBytes } from "node:crypto";

export const REGIONS = ["US", "EU", "AU"] as const;
export type Region = (typeof REGIONS)[number];

export type DataType = "string" | "integer" | "float" | "boolean" | "date";
export type Model = "contact" | "company";

export interface DataAttribute {
  id?: number;
  name: string;
  full_name: string;
  label: string;
  description: string;
  data_type: DataType;
  options?: string[];
  api_writable: boolean;
  ui_writable: boolean;
  messenger_writable: boolean;
  custom: boolean;
  archived: boolean;
  admin_id?: string;
  created_at?: number;
  updated_at?: number;
  model: Model;
}

export interface Tag {
  id: string;
  name: string;
}

export type ScalarValue = string | number | boolean | null;

export interface FixtureContact {
  id: string;
  role: "user" | "lead";
  email: string;
  name?: string | null;
  external_id?: string | null;
  phone?: string | null;
  created_at: number;
  updated_at?: number;
  custom_attributes?: Record<string, ScalarValue>;
  tag_ids?: string[];
}

export interface Contact {
  id: string;
  role: "user" | "lead";
  email: string;
  name: string | null;
  external_id: string | null;
  phone: string | null;
  created_at: number;
  updated_at: number;
  signed_up_at: number | null;
  last_seen_at: number | null;
  owner_id: number | null;
  unsubscribed_from_emails: boolean;
  custom_attributes: Record<string, ScalarValue>;
  tags: { id: string; applied_at: number }[];
  /** Unix ms from which search can see this contact (Intercom indexes new contacts with a delay). */
  searchable_at: number;
}

export type TokenAccess = "full" | "read";

export interface FixtureToken {
  token: string;
  access: TokenAccess;
  label?: string;
  /** Overrides the server-wide crossRegion setting for this token on the US host. */
  crossRegion?: "route" | "strict";
}

export interface FixtureWorkspace {
  region: Region;
  app: { id_code: string; name: string; region: string; timezone: string; created_at: number; identity_verification: boolean };
  admin: { id: string; name: string; email: string };
  tokens: FixtureToken[];
  /** Calls per rate-limit window; defaults to the server option. */
  rateLimit?: number;
  dataAttributes: DataAttribute[];
  tags: Tag[];
  contacts: FixtureContact[];
}

export interface EmulatorFixture {
  standardAttributes: DataAttribute[];
  workspaces: FixtureWorkspace[];
}

export interface Workspace {
  region: Region;
  app: FixtureWorkspace["app"];
  admin: FixtureWorkspace["admin"];
  tokens: FixtureToken[];
  rateLimit?: number;
  /** Custom attributes of every model, in creation order. */
  dataAttributes: DataAttribute[];
  tags: Tag[];
  contacts: Map<string, Contact>;
  nextAttributeId: number;
  nextTagId: number;
  /** Data events received (POST /events), in arrival order, duplicates left out. */
  events: DataEvent[];
  /** contact id + event name + created_at of every stored event: Intercom's dedupe key. */
  eventKeys: Set<string>;
  /** Submissions Intercom would ignore as duplicates (answered 202 all the same). */
  duplicateEvents: number;
}

/** Metadata values Intercom accepts: strings, numbers, `_date` Unix seconds, links, rich links, money. */
export type EventMetadataValue = string | number | boolean | { url: string; value: string } | { amount: number; currency: string };

export interface DataEvent {
  id: string;
  contactId: string;
  event_name: string;
  created_at: number;
  metadata: Record<string, EventMetadataValue>;
  /** Unix ms when the emulator accepted it. */
  received_at: number;
}

export const eventKey = (contactId: string, name: string, createdAt: number) => `${contactId}\u0000${name}\u0000${createdAt}`;

export interface TokenEntry {
  token: FixtureToken;
  workspace: Workspace;
}

const clone = <T>(value: T): T => structuredClone(value);

export function newContactId(): string {
  return randomBytes(12).toString("hex");
}

export class EmulatorState {
  standardAttributes: DataAttribute[] = [];
  workspaces = new Map<Region, Workspace>();
  private tokens = new Map<string, TokenEntry>();
  private revoked = new Set<string>();
  /** Token → Unix ms until which it answers 401 (a scripted outage that ends by itself). */
  private suspendedUntil = new Map<string, number>();

  constructor(private readonly fixture: EmulatorFixture) {
    this.reset();
  }

  reset(): void {
    const seed = clone(this.fixture);
    this.standardAttributes = seed.standardAttributes;
    this.workspaces.clear();
    this.tokens.clear();
    this.revoked.clear();
    this.suspendedUntil.clear();
    for (const ws of seed.workspaces) {
      const workspace: Workspace = {
        region: ws.region,
        app: ws.app,
        admin: ws.admin,
        tokens: ws.tokens,
        rateLimit: ws.rateLimit,
        dataAttributes: ws.dataAttributes,
        tags: ws.tags,
        contacts: new Map(),
        nextAttributeId: Math.max(100, ...ws.dataAttributes.map((a) => a.id ?? 0)) + 1,
        nextTagId: Math.max(100, ...ws.tags.map((t) => Number(t.id) || 0)) + 1,
        events: [],
        eventKeys: new Set(),
        duplicateEvents: 0,
      };
      for (const c of ws.contacts) workspace.contacts.set(c.id, toContact(c, 0));
      this.workspaces.set(ws.region, workspace);
      for (const token of ws.tokens) this.tokens.set(token.token, { token, workspace });
    }
  }

  workspace(region: Region): Workspace {
    const ws = this.workspaces.get(region);
    if (!ws) throw new Error(`No workspace seeded for region ${region}`);
    return ws;
  }

  /** Returns the token's entry, or undefined when unknown or revoked. */
  findToken(token: string): TokenEntry | undefined {
    if (this.revoked.has(token)) return undefined;
    if ((this.suspendedUntil.get(token) ?? 0) > Date.now()) return undefined;
    return this.tokens.get(token);
  }

  /** A new token for a region's workspace (tests that script outages use their own token). */
  addToken(region: Region, access: TokenAccess): string {
    const workspace = this.workspace(region);
    const token = Buffer.from(`tok:${region.toLowerCase()}-${access}-${randomBytes(12).toString("hex")}`).toString("base64");
    const entry: FixtureToken = { token, access, label: "created through the control API" };
    workspace.tokens.push(entry);
    this.tokens.set(token, { token: entry, workspace });
    return token;
  }

  /** Answers 401 for `ms`, then accepts the token again (as after a brief credential outage). */
  suspendToken(token: string, ms: number): boolean {
    if (!this.tokens.has(token)) return false;
    this.suspendedUntil.set(token, Date.now() + ms);
    return true;
  }

  revokeToken(token: string): boolean {
    if (!this.tokens.has(token)) return false;
    this.revoked.add(token);
    return true;
  }

  addContact(region: Region, input: Partial<FixtureContact> & { email: string }, indexingDelayMs: number): Contact {
    const ws = this.workspace(region);
    const now = Math.floor(Date.now() / 1000);
    const contact = toContact(
      { id: input.id ?? newContactId(), role: input.role ?? "user", created_at: input.created_at ?? now, ...input },
      Date.now() + indexingDelayMs,
    );
    ws.contacts.set(contact.id, contact);
    return contact;
  }

  setAttributeArchived(region: Region, name: string, archived: boolean): DataAttribute | undefined {
    const attr = this.workspace(region).dataAttributes.find((a) => a.model === "contact" && a.name === name);
    if (!attr) return undefined;
    attr.archived = archived;
    attr.updated_at = Math.floor(Date.now() / 1000);
    return attr;
  }

  /** Drift beyond archiving: a CDA made read-only for the API, or (never possible in Intercom's UI, but seen after imports) retyped. */
  updateAttribute(region: Region, name: string, patch: { api_writable?: boolean; data_type?: DataType }): DataAttribute | undefined {
    const attr = this.workspace(region).dataAttributes.find((a) => a.model === "contact" && a.name === name);
    if (!attr) return undefined;
    if (patch.api_writable !== undefined) attr.api_writable = patch.api_writable;
    if (patch.data_type !== undefined) attr.data_type = patch.data_type;
    attr.updated_at = Math.floor(Date.now() / 1000);
    return attr;
  }

  dump() {
    return {
      standardAttributes: this.standardAttributes,
      workspaces: [...this.workspaces.values()].map((ws) => ({
        ...ws,
        tokens: ws.tokens.map((t) => ({ ...t, revoked: this.revoked.has(t.token) })),
        contacts: [...ws.contacts.values()],
        eventKeys: undefined,
      })),
    };
  }
}

function toContact(c: FixtureContact, searchableAt: number): Contact {
  return {
    id: c.id,
    role: c.role,
    email: c.email,
    name: c.name ?? null,
    external_id: c.external_id ?? null,
    phone: c.phone ?? null,
    created_at: c.created_at,
    updated_at: c.updated_at ?? c.created_at,
    signed_up_at: c.role === "user" ? c.created_at : null,
    last_seen_at: null,
    owner_id: null,
    unsubscribed_from_emails: false,
    custom_attributes: { ...(c.custom_attributes ?? {}) },
    tags: (c.tag_ids ?? []).map((id) => ({ id, applied_at: c.created_at })),
    searchable_at: searchableAt,
  };
}
