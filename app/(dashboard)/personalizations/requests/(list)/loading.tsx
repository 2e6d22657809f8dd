export default function Loading() {
  return (
    <div role="status" aria-label="Loading publish requests" className="space-y-3">
      <div className="h-8 w-56 animate-pulse rounded bg-zinc-200" />
      <div className="h-24 animate-pulse rounded-lg bg-zinc-200/70" />
      <div className="h-24 animate-pulse rounded-lg bg-zinc-200/70" />
    </div>
  );
}
