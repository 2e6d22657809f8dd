"use client";

import { Copy } from "lucide-react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";

export function CopySnippet({ id, label, description, code }: { id: string; label: string; description?: string; code: string }) {
  async function copy() {
    try {
      await navigator.clipboard.writeText(code);
      toast.success(`${label} copied to the clipboard.`);
    } catch {
      toast.error("Copying isn't allowed here. Select the code and copy it yourself.");
    }
  }
  return (
    <figure className="space-y-1.5" aria-labelledby={`${id}-label`}>
      <div className="flex items-end justify-between gap-2">
        <figcaption id={`${id}-label`} className="text-sm font-medium text-zinc-800">
          {label}
        </figcaption>
        <Button type="button" variant="secondary" size="sm" onClick={copy} aria-label={`Copy ${label.toLowerCase()}`}>
          <Copy className="size-4" aria-hidden />
          Copy
        </Button>
      </div>
      {description ? <p className="text-xs text-zinc-500">{description}</p> : null}
      <pre
        aria-labelledby={`${id}-label`}
        tabIndex={0}
        className="overflow-x-auto rounded-md bg-zinc-900 p-3 font-mono text-xs leading-relaxed text-zinc-100"
      >
        <code>{code}</code>
      </pre>
    </figure>
  );
}
