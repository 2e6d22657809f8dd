"use client";

import { Menu } from "lucide-react";
import { useState } from "react";
import { Dialog, DialogContent, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import type { NavItem } from "@/lib/nav";
import { SidebarNav } from "./sidebar";

export function MobileNav({ items, workspaceName, roleLabel }: { items: NavItem[]; workspaceName: string; roleLabel: string }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger className="rounded-md p-2 text-zinc-700 hover:bg-zinc-100 md:hidden" aria-label="Open navigation">
        <Menu className="size-5" aria-hidden />
      </DialogTrigger>
      <DialogContent size="drawer" aria-describedby={undefined}>
        <DialogTitle small>{workspaceName}</DialogTitle>
        {/* The phone header leaves the role badge out for room; it is shown here. */}
        <p className="mb-4 text-sm text-zinc-600">Your role: {roleLabel}</p>
        <nav aria-label="Main">
          <SidebarNav items={items} onNavigate={() => setOpen(false)} />
        </nav>
      </DialogContent>
    </Dialog>
  );
}
