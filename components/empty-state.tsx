import type { ReactNode } from "react";

/** What a list shows before it has anything: a title, one line on what would appear, and maybe the way to start. */
export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-zinc-300 bg-white p-8 text-center">
      <p className="font-medium">{title}</p>
      {children ? <p className="mx-auto mt-1 max-w-lg text-sm text-zinc-600">{children}</p> : null}
      {action}
    </div>
  );
}
