import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-[60dvh] max-w-md flex-col items-center justify-center gap-3 p-6 text-center">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="text-sm text-zinc-600">It may have been removed, or it belongs to a workspace you are not in.</p>
      <Link href="/overview" className="text-sm font-medium text-brand-700 hover:underline">
        Back to overview
      </Link>
    </main>
  );
}
