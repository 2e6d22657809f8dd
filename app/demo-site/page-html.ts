/**
 * The demo marketing page (home or pricing). `siteKey`, `workspace` and `scriptSrc` must already be
 * HTML-escaped; `api` (escaped too) is the site's API base, when it points elsewhere (e.g. the runtime server).
 */
export function demoSiteHtml({ siteKey, hideMs, workspace, scriptSrc = "/tailor.js", api = null, page = "home" }: { siteKey: string; hideMs: number; workspace: string; scriptSrc?: string; api?: string | null; page?: "home" | "pricing" }): string {
  const nav = `<nav aria-label="Demo site"><a href="/demo-site?workspace=${workspace}">Home</a> · <a href="/demo-site/pricing?workspace=${workspace}">Pricing</a></nav>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page === "pricing" ? "Pricing · " : ""}Acme Analytics (demo website)</title>
<script async src="${scriptSrc}" data-site-key="${siteKey}"${api ? ` data-api="${api}"` : ""} data-hide-ms="${hideMs}"></script>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; color: #18181b; background: #fafafa; }
  header { background: #18181b; color: #fff; padding: 14px 24px; display: flex; justify-content: space-between; align-items: center; }
  header small { color: #a1a1aa; }
  nav { font-size: 14px; margin-bottom: 16px; } nav a { color: #4338ca; }
  main { max-width: 720px; margin: 32px auto; padding: 0 20px; }
  [data-tailor-placement] { background: #fff; border: 1px solid #e4e4e7; border-radius: 10px; padding: 20px 24px; margin-bottom: 16px; }
  h1 { margin: 0 0 8px; font-size: 28px; }
  form { display: flex; gap: 8px; flex-wrap: wrap; align-items: end; margin-top: 24px; }
  label { display: grid; gap: 4px; font-size: 14px; font-weight: 600; }
  input { font: inherit; padding: 8px 10px; border: 1px solid #a1a1aa; border-radius: 6px; min-width: 240px; }
  button { font: inherit; padding: 8px 14px; border-radius: 6px; border: 0; background: #4f46e5; color: #fff; cursor: pointer; }
  button.secondary { background: #fff; color: #18181b; border: 1px solid #a1a1aa; }
  a.cta { display: inline-block; padding: 10px 18px; border-radius: 6px; background: #4f46e5; color: #fff; font-weight: 600; text-decoration: none; }
  #status { font-size: 14px; color: #52525b; min-height: 1.5em; }
  .note { font-size: 13px; color: #52525b; }
</style>
</head>
<body>
<header><strong>Acme Analytics</strong><small>Demo website · personalized by Tailor</small></header>
<main>
  ${nav}
  ${page === "pricing" ? `<h2>Pricing</h2><p>Starter $29/month · Growth $99/month · Enterprise: talk to us.</p>` : ""}
  <section data-tailor-placement="hero" aria-live="polite">
    <h1>Analytics for growing teams</h1>
    <p>Start your 14-day free trial. No credit card needed.</p>
  </section>
  <section data-tailor-placement="color" aria-live="polite">
    <p>Tell us your favorite color and we'll theme your dashboard.</p>
  </section>
  <section data-tailor-placement="cta" aria-live="polite">
    <p>Ready to see your numbers? Try Acme free for 14 days.</p>
  </section>
  <p><a id="start-trial" class="cta" href="/demo-site/pricing?workspace=${workspace}">Start free trial</a></p>
  <form id="identify" data-workspace="${workspace}">
    <label>Your email <input type="email" name="email" required autocomplete="email" placeholder="ada@example.com"></label>
    <button type="submit">Identify me</button>
    <button type="button" class="secondary" id="forget">Forget me</button>
  </form>
  <p id="status" role="status"></p>
  <p class="note">Try <code>ada@example.com</code> (tagged vip in Intercom, favorite color teal) or <code>grace@example.com</code>.
    The Welcome flow asks your role unless Intercom knows it: try <code>taggy@example.com</code> (a customer) or
    <code>mixed.case@example.com</code> (not yet), then "Forget me" to start over.</p>
</main>
<script>
  window.tailor = window.tailor || [];
  var statusEl = document.getElementById("status");
  document.getElementById("identify").addEventListener("submit", function (event) {
    event.preventDefault();
    var email = event.target.elements.email.value;
    statusEl.textContent = "Identifying…";
    // Like a customer's site after sign-in: its server computes the identity hash; the page never sees the secret.
    fetch("/demo-site/identity", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ workspace: event.target.getAttribute("data-workspace"), email: email }),
    })
      .then(function (r) { return r.ok ? r.json() : { email: email }; })
      .catch(function () { return { email: email }; })
      .then(function (ids) {
        window.tailor.identify ? window.tailor.identify(ids) : window.tailor.push(["identify", ids]);
      });
  });
  document.getElementById("forget").addEventListener("click", function () {
    document.cookie = "tailor_vid=; Max-Age=0; Path=/";
    location.reload();
  });
  // The readout: the last decision, then the flow step on screen (the widget itself is tailor.js's).
  var decided = "", flowShown = "";
  function show() { statusEl.textContent = decided + flowShown; }
  function listen() {
    window.tailor.on("decision", function (d) {
      var shown = Object.keys(d.placements || {}).map(function (k) { return k + ": " + (d.placements[k].variant || "default") + (d.placements[k].arm === "holdout" ? " (holdout)" : ""); });
      decided = (d.identified ? "Identified. " : "Anonymous. ") + "Showing " + shown.join(", ") + (d.fallback ? " (" + d.fallback.reason + ")" : "");
      show();
    });
    window.tailor.on("flow", function (f) {
      flowShown = f.closed ? " · Flow " + f.key + " closed." : " · Flow " + f.key + ": " + f.type + " step " + f.stepId + ".";
      show();
    });
    window.tailor.on("error", function (e) { statusEl.textContent = "Tailor: " + e.message; });
  }
  if (window.tailor.on) listen(); else document.querySelector("script[data-site-key]").addEventListener("load", listen);
</script>
</body>
</html>`;
}
