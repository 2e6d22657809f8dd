export default function Loading() {
  return (
    <div role="status" aria-label="Loading the publish request" className="space-y-3">
      <div className="h-8 w-72 animate-pulse rounded bg-zinc-200" />
      <div className="h-20 animate-pulse rounded-lg bg-zinc-200/70" />
      <div className="h-32 animate-pulse rounded-lg bg-zinc-200/70" />
    </div>
  );
}
