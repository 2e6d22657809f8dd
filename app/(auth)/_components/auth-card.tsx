import type { ReactNode } from "react";

/** The centered card of the signed-out pages (sign-in, forgot/reset password, invitations). */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="flex min-h-dvh items-center justify-center p-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="text-2xl font-bold tracking-tight">Tailor</p>
          <h1 className="mt-1 text-sm text-zinc-600">{title}</h1>
        </div>
        <div className="rounded-lg border border-zinc-200 bg-white p-6 shadow-sm">{children}</div>
      </div>
    </main>
  );
}
