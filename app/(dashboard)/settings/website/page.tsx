import type { Metadata } from "next";
import { headers } from "next/headers";
import { PageHeader } from "@/components/page-header";
import { Alert } from "@/components/ui/alert";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { requireCapability } from "@/lib/auth/guard";
import { getIdentitySettings } from "@/lib/identity/settings";
import { getOrCreateSite } from "@/lib/runtime/sites";
import { appOriginFrom, websiteSnippet } from "@/lib/website/snippet";
import { CopySnippet, IdentityPolicyForm, IdentitySecret, WebsiteSettingsForm } from "./_components/islands";
import { formatDateTime } from "@/lib/format";
import { viewerDateStyle } from "@/lib/date-style";

export const metadata: Metadata = { title: "Website" };

export default async function WebsiteSettingsPage() {
  const dateStyle = await viewerDateStyle();
  const ctx = await requireCapability("website:manage");
  const [site, identity] = await Promise.all([getOrCreateSite(ctx.workspaceId), getIdentitySettings(ctx.workspaceId)]);
  const origin = appOriginFrom(await headers());
  const snippet = websiteSnippet({ origin: origin ?? "https://YOUR-TAILOR-HOST", siteKey: site.siteKey, hideMs: site.hideMs, apiBase: site.apiBase });
  return (
    <>
      <PageHeader title="Website" description="Install Tailor on your site and choose which sites may use it." />
      <div className="space-y-4">
        <Card aria-labelledby="install-title">
          <CardTitle id="install-title">Install the snippet</CardTitle>
          <CardDescription>
            Paste this into the <code className="font-mono">&lt;head&gt;</code> of every page, before the content it personalizes.
          </CardDescription>
          <dl className="mt-4 text-sm">
            <dt className="text-zinc-500">Site key</dt>
            <dd className="mt-0.5 break-all font-mono font-medium text-zinc-900">{site.siteKey}</dd>
          </dl>
          {origin ? null : (
            <Alert className="mt-4">The app&apos;s address could not be read from this request; replace YOUR-TAILOR-HOST with it.</Alert>
          )}
          <div className="mt-4 space-y-4">
            <CopySnippet id="snippet-install" label="Snippet" code={snippet.install} />
            <CopySnippet
              id="snippet-placement"
              label="Mark each element Tailor personalizes"
              description="The placement key of a personalization goes in data-tailor-placement; the element's content is the default."
              code={snippet.placement}
            />
            <CopySnippet id="snippet-identify" label="Identify signed-in visitors" code={snippet.identify} />
            <CopySnippet
              id="snippet-flow"
              label="Place a flow in the page (optional)"
              description="Published flows appear as a small panel in the bottom corner. To show one inside your page instead, add an element with its flow key."
              code={snippet.flow}
            />
          </div>
        </Card>
        <Card aria-labelledby="identity-title">
          <CardTitle id="identity-title">Identity verification</CardTitle>
          <CardDescription>
            The site key is public, so anyone can call identify with any email. Your server proves who a visitor is by signing their
            email (or Intercom contact id) with this site&apos;s secret: <code className="font-mono">HMAC-SHA256(secret, email)</code>, passed as{" "}
            <code className="font-mono">userHash</code>. Node, Python, PHP and Ruby examples are in the guide{" "}
            <code className="font-mono">docs/identity-verification.md</code> that ships with Tailor.
          </CardDescription>
          {identity.policy === "off" ? (
            <Alert tone="error" className="mt-4">
              Identity verification is off: any visitor can claim any email, see that contact&apos;s personalization and write into their Intercom contact.
            </Alert>
          ) : null}
          <IdentitySecret
            hasSecret={identity.hasSecret}
            rotatedAt={identity.secretRotatedAt ? formatDateTime(identity.secretRotatedAt, { style: dateStyle }) : null}
          />
          <IdentityPolicyForm policy={identity.policy} />
        </Card>
        <Card aria-labelledby="origins-title">
          <CardTitle id="origins-title">Allowed sites and loading</CardTitle>
          <CardDescription>
            Only pages on these origins may ask Tailor for content with this site key. The snippet hides placements for at most the hide
            time while it waits, so visitors don&apos;t see the default flash by.
          </CardDescription>
          <WebsiteSettingsForm allowedOrigins={site.allowedOrigins} hideMs={site.hideMs} apiBase={site.apiBase} />
        </Card>
      </div>
    </>
  );
}
