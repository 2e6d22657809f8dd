/** A card's place while its numbers load (each Overview card streams on its own). */
export function CardSkeleton({ label, tall = false }: { label: string; tall?: boolean }) {
  return (
    <div role="status" aria-label={`Loading ${label}`} className={`${tall ? "h-64" : "h-40"} animate-pulse rounded-lg border border-zinc-200 bg-zinc-100`} />
  );
}
