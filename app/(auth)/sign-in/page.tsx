import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentAuth } from "@/lib/auth/guard";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const check = await currentAuth();
  if (check.ok) redirect("/overview");
  const { callbackUrl } = await searchParams;
  // Only same-site paths: an absolute URL here would be an open redirect.
  const next = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/overview";
  return (
    <main className="flex min-h-dvh items-center justify-center p-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="text-2xl font-bold tracking-tight">Tailor</p>
          <h1 className="mt-1 text-sm text-zinc-600">Sign in to your workspace</h1>
        </div>
        <div className="rounded-lg border border-zinc-200 bg-white p-6 shadow-sm">
          <SignInForm next={next} />
        </div>
      </div>
    </main>
  );
}
