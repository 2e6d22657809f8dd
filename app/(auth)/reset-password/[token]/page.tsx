import type { Metadata } from "next";
import Link from "next/link";
import { readResetToken } from "@/lib/auth/password-reset";
import { AuthCard } from "../../_components/auth-card";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if ((await readResetToken(token)) !== "valid") {
    return (
      <AuthCard title="This link can't be used">
        <p className="text-sm">This reset link has expired or was already used. Links work once, for 30 minutes.</p>
        <Link href="/forgot-password" className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline">
          Ask for a new link
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Choose a new password">
      <ResetPasswordForm token={token} />
    </AuthCard>
  );
}
