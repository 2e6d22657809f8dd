export default function Loading() {
  return (
    <div role="status" aria-label="Loading analytics" className="space-y-3">
      <div className="h-32 animate-pulse rounded-lg bg-zinc-200/70" />
      <div className="h-64 animate-pulse rounded-lg bg-zinc-200/70" />
    </div>
  );
}
