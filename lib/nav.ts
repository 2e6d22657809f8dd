import { can, type Capability, type Role } from "@/lib/auth/permissions";

export type NavIcon = "overview" | "segments" | "personalizations" | "flows" | "integrations" | "debug" | "settings";

export type NavItem = { title: string; href: string; icon: NavIcon; capability: Capability };

/** The sidebar, in order. Only built sections are listed; each names the capability that shows it. */
export const navItems: NavItem[] = [
  { title: "Overview", href: "/overview", icon: "overview", capability: "workspace:read" },
  { title: "Segments", href: "/segments", icon: "segments", capability: "segments:read" },
  { title: "Personalizations", href: "/personalizations", icon: "personalizations", capability: "personalizations:read" },
  { title: "Flows", href: "/flows", icon: "flows", capability: "flows:read" },
  { title: "Integrations", href: "/integrations", icon: "integrations", capability: "integrations:read" },
  { title: "Debug", href: "/debug", icon: "debug", capability: "debug:read" },
  { title: "Settings", href: "/settings", icon: "settings", capability: "settings:read" },
];

export function navFor(role: Role): NavItem[] {
  return navItems.filter((item) => can(role, item.capability));
}

/** Tabs of the Settings section, in order; /settings opens the first one the role may see. */
export const settingsTabs: NavItem[] = [
  { title: "Website", href: "/settings/website", icon: "settings", capability: "website:manage" },
  { title: "Members", href: "/settings/members", icon: "settings", capability: "members:manage" },
];

export function settingsTabsFor(role: Role): NavItem[] {
  return settingsTabs.filter((tab) => can(role, tab.capability));
}
