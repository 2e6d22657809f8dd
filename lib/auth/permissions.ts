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
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof capabilityRoles;

export function can(role: Role, capability: Capability): boolean {
  return (capabilityRoles[capability] as readonly Role[]).includes(role);
}

export function capabilitiesOf(role: Role): Capability[] {
  return (Object.keys(capabilityRoles) as Capability[]).filter((c) => can(role, c));
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (roles as readonly string[]).includes(value);
}
