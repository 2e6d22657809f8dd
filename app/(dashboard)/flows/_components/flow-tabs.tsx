"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

export function FlowTabs({ id }: { id: string }) {
  const pathname = usePathname();
  const tabs = [
    { href: `/flows/${id}`, title: "Edit" },
    { href: `/flows/${id}/analytics`, title: "Analytics" },
  ];
  return (
    <nav aria-label="Flow" className="-mt-2 mb-6 flex gap-1 border-b border-zinc-200">
      {tabs.map((tab) => {
        const active = pathname === tab.href;
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
              active ? "border-brand-600 text-brand-700" : "border-transparent text-zinc-600 hover:border-zinc-300 hover:text-zinc-900",
            )}
          >
            {tab.title}
          </Link>
        );
      })}
    </nav>
  );
}
