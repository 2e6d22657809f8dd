import { can, type Capability, type Role } from "@/lib/auth/permissions";

export type NavIcon = "overview" | "segments" | "personalizations" | "integrations" | "debug" | "settings";

export type NavItem = { title: string; href: string; icon: NavIcon; capability: Capability };

/** The sidebar, in order. Only built sections are listed; each names the capability that shows it. */
export const navItems: NavItem[] = [
  { title: "Overview", href: "/overview", icon: "overview", capability: "workspace:read" },
  { title: "Integrations", href: "/integrations", icon: "integrations", capability: "integrations:read" },
  { title: "Settings", href: "/settings/members", icon: "settings", capability: "members:manage" },
];

export function navFor(role: Role): NavItem[] {
  return navItems.filter((item) => can(role, item.capability));
}
