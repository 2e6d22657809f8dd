import { describe, expect, it } from "vitest";
import { appOriginFrom, websiteSnippet } from "./snippet";

const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name] ?? null });

describe("appOriginFrom", () => {
  it("uses the forwarded protocol and host", () => {
    expect(appOriginFrom(headers({ host: "internal:3000", "x-forwarded-host": "app.tailor.dev", "x-forwarded-proto": "https" }))).toBe("https://app.tailor.dev");
  });

  it("defaults to http for localhost and https elsewhere", () => {
    expect(appOriginFrom(headers({ host: "127.0.0.1:3100" }))).toBe("http://127.0.0.1:3100");
    expect(appOriginFrom(headers({ host: "app.tailor.dev" }))).toBe("https://app.tailor.dev");
  });

  it("refuses hosts that aren't hosts", () => {
    expect(appOriginFrom(headers({ host: 'evil"><script>' }))).toBeNull();
    expect(appOriginFrom(headers({}))).toBeNull();
  });
});

describe("websiteSnippet", () => {
  it("builds the install tag with the site key and hide time", () => {
    const { install } = websiteSnippet({ origin: "https://app.tailor.dev", siteKey: "site_abc", hideMs: 400 });
    expect(install).toBe('<script async src="https://app.tailor.dev/tailor.js" data-site-key="site_abc" data-hide-ms="400"></script>');
  });

  it("points the snippet at the site's API base (and loads tailor.js from the runtime host) when one is set", () => {
    expect(websiteSnippet({ origin: "https://app.tailor.dev", siteKey: "site_abc", hideMs: 400, apiBase: "https://rt.tailor.dev/api/v1" }).install).toBe(
      '<script async src="https://rt.tailor.dev/tailor.js" data-site-key="site_abc" data-api="https://rt.tailor.dev/api/v1" data-hide-ms="400"></script>',
    );
    expect(websiteSnippet({ origin: "https://app.tailor.dev", siteKey: "k", hideMs: 0, apiBase: "https://proxy.example/tailor" }).install).toBe(
      '<script async src="https://app.tailor.dev/tailor.js" data-site-key="k" data-api="https://proxy.example/tailor" data-hide-ms="0"></script>',
    );
    expect(websiteSnippet({ origin: "https://a", siteKey: "k", hideMs: 0, apiBase: 'https://x/"><script>' }).install).toContain('data-api="https://x/&quot;&gt;&lt;script&gt;"');
  });

  it("escapes attribute values", () => {
    expect(websiteSnippet({ origin: 'x"y', siteKey: "<k>", hideMs: 0 }).install).toContain('src="x&quot;y/tailor.js" data-site-key="&lt;k&gt;"');
  });
});
