/*!
 * Tailor website snippet. Dependency-free ES2017; never throws into the host page.
 *
 * Install in <head>, before the content it personalizes (async is fine):
 *   <script async src="https://APP/tailor.js" data-site-key="SITE_KEY"></script>
 *   <h1 data-tailor-placement="hero">Default headline</h1>
 * Attributes: data-site-key (required); data-api (default: script origin + "/api/v1"); data-hide-ms
 * (default 600, max 5000): placements stay hidden at most this long awaiting the decision, then
 * show their defaults. A decision arriving later is still applied.
 *
 * API, on window.tailor once loaded:
 *   identify({ email } | { intercomContactId })  POST {api}/identify, then refresh()
 *   answer(questionKey, answerKey | answerKeys)   POST {api}/answers (keepalive), then refresh()
 *   refresh()                                     POST {api}/decide and apply it
 *   on("decision" | "error", fn)                  returns an unsubscribe function
 *   visitorId                                     anonymous id, first-party cookie tailor_vid (1 year)
 * Methods return promises that never reject: failures keep the default content and emit "error"
 * ({ action, message }). "decision" receives the /decide response.
 *
 * Calls before load: queue arrays on window.tailor (or window.tailorq, if "tailor" is taken):
 *   window.tailor = window.tailor || []; tailor.push(["identify", { email: "ada@example.com" }]);
 * Queued calls run first, then a single decide. push() keeps working after load.
 *
 * Endpoints (JSON bodies, credentials omitted, 3 s timeout):
 *   /decide   { siteKey, visitorId, url, placements: [key] }
 *             -> { placements: { [key]: { html, variant } }, fallback?: { reason } }
 *   /identify { siteKey, visitorId, email | intercomContactId }
 *   /answers  { siteKey, visitorId, question, answers: [key] }
 * Returned placements get el.innerHTML = html (merge-tag values are escaped server-side) and
 * data-tailor-variant; placements left out keep their default content.
 */
(function () {
  "use strict";
  const PLACEMENT = "data-tailor-placement";
  const COOKIE = "tailor_vid";
  const TIMEOUT_MS = 3000;

  try {
    const queued = window.tailor;
    if (queued && typeof queued.refresh === "function") return; // snippet included twice
    start(Array.isArray(queued) ? queued : []);
  } catch (error) {
    revealAll();
    report(error);
  }

  function report(error) {
    if (window.console) console.warn("[tailor]", error);
  }

  // Runs fn, swallowing its failure; for browser APIs that throw in sandboxed frames.
  function safely(fn) {
    try {
      return fn();
      // eslint-disable-next-line @typescript-eslint/no-unused-vars -- ES2017 has no optional catch binding
    } catch (ignored) {
      return undefined;
    }
  }

  function revealAll() {
    const style = document.getElementById("tailor-hide");
    if (style && style.parentNode) style.parentNode.removeChild(style);
  }

  function start(queue) {
    const script = document.currentScript || document.querySelector("script[data-site-key]");
    const attr = function (name) {
      return script ? script.getAttribute(name) : null;
    };
    const siteKey = attr("data-site-key");
    const base = attr("data-api") || (script && script.src ? new URL(script.src, location.href).origin : "") + "/api/v1";
    const api = base.replace(/\/+$/, "");
    let hideMs = parseInt(attr("data-hide-ms"), 10);
    hideMs = hideMs >= 0 ? Math.min(hideMs, 5000) : 600;

    const listeners = Object.create(null); // event names like "constructor" stay plain keys
    let booting = [];
    let latest = 0;
    const visitorId = readOrCreateVisitorId();

    function emit(event, detail) {
      (listeners[event] || []).slice().forEach(function (fn) {
        try {
          fn(detail);
        } catch (error) {
          report(error); // a host listener's bug must not stop the others
        }
      });
    }

    // Content is revealed by the decide path or the hide timer, never by a failed identify/answer.
    function fail(action, error) {
      emit("error", { action: action, message: String((error && error.message) || error) });
    }

    async function post(path, body, keepalive) {
      if (!siteKey) throw new Error("data-site-key is missing on the tailor.js script tag");
      const controller = new AbortController();
      const timer = setTimeout(function () {
        controller.abort();
      }, TIMEOUT_MS);
      try {
        const response = await fetch(api + path, {
          method: "POST",
          credentials: "omit",
          keepalive: keepalive,
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(Object.assign({ siteKey: siteKey, visitorId: visitorId }, body)),
          signal: controller.signal,
        });
        if (!response.ok) throw new Error("POST " + path + " answered " + response.status);
        const text = await response.text();
        return text ? JSON.parse(text) : {};
      } finally {
        clearTimeout(timer);
      }
    }

    function placementElements() {
      return Array.prototype.slice.call(document.querySelectorAll("[" + PLACEMENT + "]"));
    }

    async function refresh() {
      const mine = ++latest;
      try {
        const keys = [];
        placementElements().forEach(function (el) {
          const key = el.getAttribute(PLACEMENT);
          if (key && keys.indexOf(key) < 0) keys.push(key);
        });
        if (!keys.length) return revealAll();
        const decision = await post("/decide", { url: location.href, placements: keys }, false);
        if (mine !== latest) return; // a newer refresh owns the page
        const placements = (decision && decision.placements) || {};
        placementElements().forEach(function (el) {
          const key = el.getAttribute(PLACEMENT);
          const placement = Object.prototype.hasOwnProperty.call(placements, key) ? placements[key] : null;
          if (!placement || typeof placement.html !== "string") return;
          el.innerHTML = placement.html;
          if (placement.variant) el.setAttribute("data-tailor-variant", placement.variant);
          else el.removeAttribute("data-tailor-variant");
        });
        revealAll();
        emit("decision", decision);
      } catch (error) {
        revealAll();
        fail("decide", error);
      }
    }

    // Writes run while booting are awaited by the first decide instead of triggering their own.
    function send(action, path, body, keepalive) {
      const done = post(path, body, keepalive).then(
        function () {
          return booting ? undefined : refresh();
        },
        function (error) {
          fail(action, error);
        },
      );
      if (booting) booting.push(done);
      return done;
    }

    function identify(ids) {
      if (ids && typeof ids.email === "string" && ids.email) return send("identify", "/identify", { email: ids.email }, false);
      if (ids && typeof ids.intercomContactId === "string" && ids.intercomContactId) {
        return send("identify", "/identify", { intercomContactId: ids.intercomContactId }, false);
      }
      fail("identify", "identify() needs { email } or { intercomContactId }");
      return Promise.resolve();
    }

    function answer(question, answers) {
      const list = Array.isArray(answers) ? answers : [answers];
      const valid = typeof question === "string" && list.length > 0 && list.every(function (a) {
        return typeof a === "string" && a !== "";
      });
      if (valid) return send("answer", "/answers", { question: question, answers: list }, true);
      fail("answer", "answer() needs a question key and one or more answer keys");
      return Promise.resolve();
    }

    function on(event, fn) {
      if (typeof fn !== "function") return function () {};
      (listeners[event] = listeners[event] || []).push(fn);
      return function () {
        listeners[event] = listeners[event].filter(function (other) {
          return other !== fn;
        });
      };
    }

    const methods = { identify: identify, answer: answer, refresh: refresh, on: on };

    function push(call) {
      try {
        const name = call && call[0];
        if (!Object.prototype.hasOwnProperty.call(methods, name)) throw new Error("unknown call " + name);
        return methods[name].apply(null, call.slice(1));
      } catch (error) {
        fail("queue", error);
      }
    }

    window.tailor = { identify: identify, answer: answer, refresh: refresh, on: on, push: push, visitorId: visitorId };
    const laterQueue = Array.isArray(window.tailorq) ? window.tailorq : [];
    window.tailorq = { push: push };

    hidePlacements(hideMs);
    queue.concat(laterQueue).forEach(push);

    function boot() {
      Promise.all(booting).then(function () {
        booting = null;
        return refresh();
      });
    }
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
    else boot();
  }

  // Hidden, not removed: layout stays put, and the timer shows defaults even if we never answer.
  function hidePlacements(ms) {
    if (ms <= 0 || document.getElementById("tailor-hide")) return;
    const style = document.createElement("style");
    style.id = "tailor-hide";
    style.textContent = "[" + PLACEMENT + "]{visibility:hidden!important}";
    (document.head || document.documentElement).appendChild(style);
    setTimeout(revealAll, ms);
  }

  function readOrCreateVisitorId() {
    // Sandboxed frames throw on document.cookie: the id then lives for this page view only.
    const match = safely(function () {
      return /(?:^|;\s*)tailor_vid=([A-Za-z0-9-]{8,64})(?:;|$)/.exec(document.cookie);
    });
    const id = (match && match[1]) || randomId();
    safely(function () {
      // Rewritten on every load so the year counts from the last visit.
      const secure = location.protocol === "https:" ? "; Secure" : "";
      document.cookie = COOKIE + "=" + id + "; Max-Age=31536000; Path=/; SameSite=Lax" + secure;
    });
    return id;
  }

  function randomId() {
    const crypto = window.crypto;
    if (typeof crypto.randomUUID === "function") return crypto.randomUUID(); // secure contexts only
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 15) | 64; // version 4
    bytes[8] = (bytes[8] & 63) | 128; // RFC 4122 variant
    const hex = Array.prototype.map.call(bytes, function (b) {
      return (b + 256).toString(16).slice(1);
    }).join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
  }
})();
