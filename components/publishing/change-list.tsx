/** The readable lines of a publish diff (lib/publishing/snapshot.ts diffSnapshots), as one list. */
export function ChangeList({ changes, label, className }: { changes: string[]; label: string; className?: string }) {
  return (
    <ul className={className ?? "list-disc space-y-1.5 pl-5 text-sm text-zinc-800"} aria-label={label}>
      {changes.map((line, i) => (
        <li key={i} className="break-words">
          {line}
        </li>
      ))}
    </ul>
  );
}
