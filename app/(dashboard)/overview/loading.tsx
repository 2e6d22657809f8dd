import { CardSkeleton } from "./_components/card-skeleton";

export default function Loading() {
  return (
    <div className="space-y-4">
      <div className="h-8 w-56 animate-pulse rounded bg-zinc-200" />
      <CardSkeleton label="the overview" tall />
    </div>
  );
}
