/**
 * Who may do what. The server enforces these in requireCapability()/defineAction(); the UI only
 * uses them to hide what a role can't use. Never check a role name anywhere else.
 */
export const roles = ["owner", "admin", "marketer", "support"] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  owner: "Owner",
  admin: "Admin",
  marketer: "Marketer",
  support: "Support",
};

const capabilityRoles = {
  "workspace:read": ["owner", "admin", "marketer", "support"],
  "members:manage": ["owner"],
  "audit:read": ["owner", "admin"],
  "integrations:read": ["owner", "admin", "marketer", "support"],
  "integrations:connect": ["owner", "admin", "marketer"],
  "segments:read": ["owner", "admin", "marketer", "support"],
  "segments:edit": ["owner", "admin", "marketer"],
  // Mappings decide what Tailor writes into the customer's Intercom: admins only; others read them.
  "mappings:edit": ["owner", "admin"],
  "personalizations:read": ["owner", "admin", "marketer", "support"],
  "personalizations:edit": ["owner", "admin", "marketer"],
  "flows:read": ["owner", "admin", "marketer", "support"],
  "flows:edit": ["owner", "admin", "marketer"],
  // Publishing changes what every visitor sees: owners and admins.
  "publish": ["owner", "admin"],
  // Anyone who edits the draft may send it to an owner or admin for review (lib/publishing/requests.ts).
  "publish:request": ["owner", "admin", "marketer"],
  "settings:read": ["owner", "admin", "marketer"],
  "website:manage": ["owner", "admin", "marketer"],
  // The debug panel reads a contact's Intercom data; test writes change it, so they are audited.
  "debug:read": ["owner", "admin", "support"],
  "debug:write-test": ["owner", "admin", "support"],
  // The sync log shows what Tailor wrote to Intercom; a retry writes again, so owners and admins only.
  "sync:read": ["owner", "admin", "marketer", "support"],
  "sync:retry": ["owner", "admin"],
  // Notification emails go to owners and admins only, so only they choose how they get them.
  "notifications:email": ["owner", "admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof capabilityRoles;

/** What each capability lets a member do, in words (Settings → Members). Typed so a new capability needs one. */
export const capabilityLabels: Record<Capability, string> = {
  "workspace:read": "Sign in and see the Overview",
  "members:manage": "Invite members, change roles and remove members",
  "audit:read": "See recent activity (the audit log)",
  "integrations:read": "See the Intercom connection and its health",
  "integrations:connect": "Connect Intercom and replace the token",
  "segments:read": "See segments and questions",
  "segments:edit": "Edit segments and questions",
  "mappings:edit": "Edit field mappings (what Tailor writes to Intercom)",
  "personalizations:read": "See personalizations and versions",
  "personalizations:edit": "Edit personalizations (drafts)",
  "flows:read": "See flows and their analytics",
  "flows:edit": "Edit flows (drafts)",
  publish: "Publish drafts and restore versions",
  "publish:request": "Ask for the draft to be reviewed and published",
  "settings:read": "Open Settings",
  "website:manage": "Manage the website: snippet, origins, identity verification",
  "debug:read": "Look contacts up in the debug panel",
  "debug:write-test": "Send test writes and test events to a contact",
  "sync:read": "Read the sync log",
  "sync:retry": "Retry failed writes to Intercom",
  "notifications:email": "Choose how notifications are emailed",
};

export const capabilities = Object.keys(capabilityRoles) as Capability[];

export function can(role: Role, capability: Capability): boolean {
  return (capabilityRoles[capability] as readonly Role[]).includes(role);
}

export function capabilitiesOf(role: Role): Capability[] {
  return capabilities.filter((c) => can(role, c));
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (roles as readonly string[]).includes(value);
}
