import type { ReferenceState } from "@/lib/rules/references";

const TEXT: Partial<Record<ReferenceState, string>> = { missing: "Not in Intercom", archived: "Archived in Intercom" };

/** "Not in Intercom" / "Archived in Intercom" beside a tag or attribute field; nothing when it is known or can't be checked. */
export function ReferenceFlag({ id, state, extra }: { id: string; state: ReferenceState; extra?: string }) {
  const text = TEXT[state];
  if (!text && !extra) return null;
  return (
    <p id={id} className="mt-1 text-xs text-amber-900">
      {text ? <span className="rounded-full bg-amber-50 px-1.5 py-0.5 font-medium ring-1 ring-amber-200">{text}</span> : null}
      {extra ? <span className="ml-1 text-zinc-600">{extra}</span> : null}
    </p>
  );
}
