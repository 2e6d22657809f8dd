import type { Metadata } from "next";
import Link from "next/link";
import { signOut } from "@/lib/auth";
import { currentAuth } from "@/lib/auth/guard";
import { roleLabels } from "@/lib/auth/permissions";
import { readInvitation } from "@/lib/members/invitations";
import { Button } from "@/components/ui/button";
import { AuthCard } from "../../_components/auth-card";
import { AcceptAsSignedIn, AcceptWithNewAccount, AcceptWithPassword } from "./accept-forms";

export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

const dead = {
  invalid: ["This invitation link isn't valid", "Check that you opened the whole link from the newest invitation email; a re-sent invitation replaces the old link."],
  accepted: ["This invitation was already used", "An invitation works once. If it was you, sign in."],
  revoked: ["This invitation was withdrawn", "Ask the workspace owner for a new invitation."],
  expired: ["This invitation has expired", "Invitations work for 7 days. Ask the workspace owner to send it again."],
} as const;

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await readInvitation(token);
  if (invitation.status !== "pending") {
    const [title, text] = dead[invitation.status];
    return (
      <AuthCard title={title}>
        <p className="text-sm">{text}</p>
        <Link href="/sign-in" className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline">
          Go to sign in
        </Link>
      </AuthCard>
    );
  }
  const join = `Join ${invitation.workspaceName}`;
  const intro = (
    <p className="mb-4 text-sm">
      {invitation.inviterName ?? "Someone"} invited <strong>{invitation.email}</strong> to {invitation.workspaceName} as {roleLabels[invitation.role]}.
    </p>
  );
  const auth = await currentAuth();
  if (auth.ok && auth.ctx.email !== invitation.email) {
    return (
      <AuthCard title="This invitation is for someone else">
        <p className="text-sm">
          This invitation is for <strong>{invitation.email}</strong>, but you are signed in as <strong>{auth.ctx.email}</strong>. Sign out, then open the link again to
          accept it as {invitation.email}.
        </p>
        <form
          className="mt-4"
          action={async () => {
            "use server";
            await signOut({ redirectTo: `/invite/${token}` });
          }}
        >
          <Button type="submit" variant="secondary">
            Sign out
          </Button>
        </form>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={join}>
      {intro}
      {auth.ok ? (
        <AcceptAsSignedIn token={token} workspaceName={invitation.workspaceName} />
      ) : invitation.accountExists ? (
        <AcceptWithPassword token={token} email={invitation.email} />
      ) : (
        <AcceptWithNewAccount token={token} email={invitation.email} />
      )}
    </AuthCard>
  );
}
