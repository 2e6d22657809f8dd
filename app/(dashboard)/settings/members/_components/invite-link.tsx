"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** A one-time invitation link with "Copy link"; shown once, when no email could carry it. */
export function InviteLink({ link }: { link: string }) {
  const [copied, setCopied] = useState<"yes" | "blocked" | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied("yes");
    } catch {
      setCopied("blocked");
    }
  }
  return (
    <div className="mt-4 space-y-2">
      <label htmlFor="invite-link" className="text-sm font-medium">
        Invitation link (works once, for 7 days; it is not shown again)
      </label>
      <div className="flex gap-2">
        <Input id="invite-link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
        <Button type="button" variant="secondary" onClick={copy}>
          Copy link
        </Button>
      </div>
      <p role="status" className="text-sm text-zinc-600">
        {copied === "yes" ? "Copied." : copied === "blocked" ? "The browser blocked the clipboard: select the link and copy it." : ""}
      </p>
    </div>
  );
}
