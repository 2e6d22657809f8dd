"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { Blocks, Bug, LayoutDashboard, Settings, Sparkles, Users, Workflow } from "lucide-react";
import type { NavIcon, NavItem } from "@/lib/nav";
import { cn } from "@/lib/utils";

const icons: Record<NavIcon, typeof Blocks> = {
  overview: LayoutDashboard,
  segments: Users,
  personalizations: Sparkles,
  flows: Workflow,
  integrations: Blocks,
  debug: Bug,
  settings: Settings,
};

function isActive(pathname: string, href: string): boolean {
  const section = "/" + href.split("/")[1];
  return pathname === href || pathname.startsWith(section + "/") || pathname === section;
}

/**
 * The nav list; items arrive already filtered by capability on the server.
 * Links prefetch on intent (hover or focus), not on sight: prefetching every section whenever the sidebar
 * renders cost the server one render of the dashboard layout per link per page view (about a tenth of the
 * e2e suite's CPU, measured with a cpuacct cgroup), for pages most views never open.
 */
export function SidebarNav({ items, onNavigate }: { items: NavItem[]; onNavigate?: () => void }) {
  const pathname = usePathname();
  const router = useRouter();
  return (
    <ul className="space-y-0.5">
      {items.map((item) => {
        const Icon = icons[item.icon];
        const active = isActive(pathname, item.href);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              prefetch={false}
              onMouseEnter={() => router.prefetch(item.href)}
              onFocus={() => router.prefetch(item.href)}
              onClick={onNavigate}
              aria-current={active ? "page" : undefined}
              className={cn(
                "flex items-center gap-2.5 rounded-md px-3 py-2 text-sm font-medium",
                active ? "bg-zinc-900 text-white" : "text-zinc-700 hover:bg-zinc-200/60",
              )}
            >
              <Icon className="size-4" aria-hidden />
              {item.title}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
