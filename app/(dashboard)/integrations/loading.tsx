export default function Loading() {
  return (
    <div role="status" aria-label="Loading integrations" className="space-y-3">
      <div className="h-8 w-48 animate-pulse rounded bg-zinc-200" />
      <div className="h-40 animate-pulse rounded-lg bg-zinc-200/70 md:w-1/2" />
    </div>
  );
}
