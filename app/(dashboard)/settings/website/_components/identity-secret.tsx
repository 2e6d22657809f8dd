"use client";

import { Copy } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toaster";
import { rotateIdentitySecretAction } from "@/lib/identity/actions";

/**
 * Generate or rotate the identity secret; the new secret is shown once, kept only in this
 * component's state. `rotatedAt` is already formatted (server-side, so hydration matches).
 */
export function IdentitySecret({ hasSecret, rotatedAt }: { hasSecret: boolean; rotatedAt: string | null }) {
  const router = useRouter();
  const [secret, setSecret] = useState<string | null>(null);

  async function rotate(): Promise<string | void> {
    const result = await rotateIdentitySecretAction({ confirm: true });
    if (!result.ok) return result.message;
    setSecret(result.data.secret);
    router.refresh();
  }

  async function copy() {
    if (!secret) return;
    try {
      await navigator.clipboard.writeText(secret);
      toast.success("Identity secret copied to the clipboard.");
    } catch {
      toast.error("Copying isn't allowed here. Select the secret and copy it yourself.");
    }
  }

  return (
    <div className="mt-4 space-y-3">
      <p className="text-sm text-zinc-700" id="identity-secret-state">
        {hasSecret
          ? `A secret is set${rotatedAt ? ` (created ${rotatedAt})` : ""}. It is never shown again; rotate it to get a new one.`
          : "No secret yet: under Required, no visitor can be identified until you generate one and your server signs identities with it."}
      </p>
      {secret ? (
        <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3">
          <p className="text-sm font-medium text-amber-900" id="new-secret-label">
            Your new identity secret. Copy it into your server&apos;s configuration now: it won&apos;t be shown again.
          </p>
          <div className="flex items-center gap-2">
            <code aria-labelledby="new-secret-label" className="block flex-1 break-all rounded bg-white px-2 py-1.5 font-mono text-sm" data-testid="new-identity-secret">
              {secret}
            </code>
            <Button type="button" variant="secondary" size="sm" onClick={copy} aria-label="Copy identity secret">
              <Copy className="size-4" aria-hidden />
              Copy
            </Button>
          </div>
          <Button type="button" variant="secondary" size="sm" onClick={() => setSecret(null)}>
            I&apos;ve stored it
          </Button>
        </div>
      ) : null}
      <ConfirmDialog
        trigger={<Button type="button" variant={hasSecret ? "secondary" : "primary"}>{hasSecret ? "Rotate secret" : "Generate secret"}</Button>}
        title={hasSecret ? "Rotate the identity secret?" : "Generate an identity secret?"}
        description={
          hasSecret
            ? "The current secret stops working at once: visitors your server signed with it are no longer verified until it signs with the new one."
            : "Tailor creates a secret for this site and shows it once."
        }
        confirmLabel={hasSecret ? "Rotate secret" : "Generate secret"}
        confirmVariant={hasSecret ? "danger" : "primary"}
        onConfirm={rotate}
      />
      {hasSecret || secret ? null : <Alert>Your server computes HMAC-SHA256(secret, email) for each signed-in visitor; see the guide below.</Alert>}
    </div>
  );
}
