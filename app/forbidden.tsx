import Link from "next/link";
import { ShieldAlert } from "lucide-react";

export default function Forbidden() {
  return (
    <main className="mx-auto flex min-h-[60dvh] max-w-md flex-col items-center justify-center gap-3 p-6 text-center">
      <ShieldAlert className="size-10 text-zinc-400" aria-hidden />
      <h1 className="text-xl font-semibold">You don&apos;t have access to this page</h1>
      <p className="text-sm text-zinc-600">
        Your role in this workspace doesn&apos;t include it (error 403). Ask a workspace owner if you need access.
      </p>
      <Link href="/overview" className="text-sm font-medium text-brand-700 hover:underline">
        Back to overview
      </Link>
    </main>
  );
}
