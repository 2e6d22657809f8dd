import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { currentAuth } from "@/lib/auth/guard";
import { AuthCard } from "../_components/auth-card";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; reset?: string }> }) {
  const check = await currentAuth();
  if (check.ok) redirect("/overview");
  const { callbackUrl, reset } = await searchParams;
  // Only same-site paths: an absolute URL here would be an open redirect.
  const next = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/overview";
  return (
    <AuthCard title="Sign in to your workspace">
      {reset === "1" ? (
        <div className="mb-4">
          <Alert tone="success">Your password was changed and every session was signed out. Sign in with the new password.</Alert>
        </div>
      ) : null}
      <SignInForm next={next} />
      <Link href="/forgot-password" className="mt-4 block text-center text-sm text-brand-700 hover:underline">
        Forgot password?
      </Link>
    </AuthCard>
  );
}
