/*!
 * Tailor website snippet. Dependency-free ES2017; never throws into the host page.
 *
 * Install in <head>, before the content it personalizes (async is fine):
 *   <script async src="https://APP/tailor.js" data-site-key="SITE_KEY"></script>
 *   <h1 data-tailor-placement="hero">Default headline</h1>
 * Attributes: data-site-key (required); data-api (default: script origin + "/api/v1"); data-hide-ms
 * (default 600, max 5000): placements stay hidden at most this long awaiting the decision, then
 * show their defaults. A decision arriving later is still applied.
 * Identity: userHash = HMAC-SHA256(secret, email or id) from YOUR server; also read from
 * data-tailor-email|user-id + data-tailor-user-hash, or a link's ?tailor_email=&tailor_hash=.
 *
 * API, on window.tailor once loaded:
 *   identify({ email | intercomContactId, userHash }) POST {api}/identify, then refresh()
 *   answer(questionKey, answerKey | answerKeys)   POST {api}/answers (keepalive), then refresh()
 *   refresh()                                     POST {api}/decide and apply it (and show its flow)
 *   track(key, properties?)                       POST {api}/track (keepalive): a custom behaviour; flat
 *                                                 properties (≤ 9; strings, numbers, booleans) become event metadata
 *   on("decision" | "flow" | "error", fn)         returns an unsubscribe function
 *   visitorId                                     anonymous id, first-party cookie tailor_vid (1 year)
 * Methods return promises that never reject: failures keep the default content and emit "error"
 * ({ action, message }; action "flow" for the flow widget). "decision" receives the /decide
 * response; "flow" receives { key, stepId, type } when a flow step is shown and { key, closed: true }
 * when the flow widget closes.
 *
 * Calls before load: queue arrays on window.tailor (or window.tailorq, if "tailor" is taken):
 *   window.tailor = window.tailor || []; tailor.push(["identify", { email: "ada@example.com" }]);
 * Queued calls run first, then a single decide. push() keeps working after load.
 *
 * Endpoints (JSON bodies, credentials omitted, 3 s timeout):
 *   /decide   { siteKey, visitorId, url, placements: [key], flow: boolean }
 *             -> { placements: { [key]: { html, variant, arm } }, fallback?: { reason }, flow?: FlowPrompt,
 *                  goals?: [{ key, selector }] }
 *             flow is true when no flow widget is open (decide runs for a flow even with no placements)
 *   /identify { siteKey, visitorId, email | intercomContactId, userHash? }
 *   /answers  { siteKey, visitorId, question, answers: [key] }
 *   /track    { siteKey, visitorId, type: "page", id, path, url, title, utm?: { source, medium, campaign } } once per
 *             page load (after a signed link's identity is taken off the address), or
 *             { siteKey, visitorId, type: "track", id, key, properties? }; id is random per report (retries count once), or
 *             { siteKey, visitorId, type: "impressions", id, impressions: [{ placement, arm }] }: after a decision is
 *             applied, one keepalive request for the page's placements (each placement and arm once a day per
 *             browser, remembered in localStorage tailor_seen), sent after the content shows, never awaited
 * Goals: a click inside a decision's goals[].selector (remembered for the tab in sessionStorage tailor_goals,
 * so pages without placements count too) is reported once per page as track(key).
 *   /flow     { siteKey, visitorId, flow: key, step: stepId, action, answers?: [key] } -> { flow: FlowPrompt | null }
 *             action "answer" (with answers; then decide runs again with flow: false), "continue",
 *             "cta" (keepalive; the link navigates) or "dismiss"; null, 404 or 409 close the widget.
 * Returned placements get el.innerHTML = html (merge-tag values are escaped server-side) and
 * data-tailor-variant; placements left out keep their default content.
 *
 * Flow widget: FlowPrompt = { key, name, step: { id, type: question | message | cta | end, title,
 * selection, answers: [{ key, label }], bodyHtml, buttonLabel, url } }, one step at a time. Text is
 * set as text; only bodyHtml (escaped server-side) is HTML; url is used only if http(s):// or /.
 * It renders inside <div data-tailor-flow="FLOW_KEY"></div> if the page has one, else as a panel
 * fixed at the bottom right (full width on small screens). Markup, styled by <style id="tailor-flow-style">:
 *   div.tailor-flow[role=region][aria-labelledby=tailor-flow-title][data-tailor-flow-key][data-tailor-flow-step]
 *     h2#tailor-flow-title[tabindex=-1]    step title; gets focus when a step follows a click
 *     question: form > fieldset > legend > h2, radios (single) or checkboxes (multi) in labels; "Next"
 *     message: body, buttonLabel button; cta: body, a[href] buttonLabel, "Not now"; end: body, "Close"
 *     button[aria-label=Close] (x; not on the end step), p.tailor-flow-status[aria-live=polite]
 * Escape inside it or the x dismisses the flow. While a request is pending: aria-busy, and buttons
 * are aria-disabled and ignore clicks. A failed request keeps the step with an error to retry.
 */
(function () {
  "use strict";
  const PLACEMENT = "data-tailor-placement";
  const FLOW = "tailor-flow";
  const TITLE_ID = FLOW + "-title";
  const COOKIE = "tailor_vid";
  const SEEN = "tailor_seen";
  const GOALS = "tailor_goals";
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
    let widget = null; // the open flow: { key, step, root, content, status, closer, controls, busy }
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
        if (!response.ok) {
          const failure = new Error("POST " + path + " answered " + response.status);
          failure.status = response.status;
          throw failure;
        }
        const text = await response.text();
        return text ? JSON.parse(text) : {};
      } finally {
        clearTimeout(timer);
      }
    }

    function placementElements() {
      return Array.prototype.slice.call(document.querySelectorAll("[" + PLACEMENT + "]"));
    }

    function refresh() {
      return decide(true);
    }

    // askFlow false: placements only (after a flow answer); a flow is never offered while one is open.
    async function decide(askFlow) {
      const mine = ++latest;
      try {
        const flow = askFlow && !widget;
        const keys = [];
        placementElements().forEach(function (el) {
          const key = el.getAttribute(PLACEMENT);
          if (key && keys.indexOf(key) < 0) keys.push(key);
        });
        if (!keys.length && !flow) return revealAll();
        const decision = await post("/decide", { url: location.href, placements: keys, flow: flow }, false);
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
        reportImpressions(placements);
        listenForGoals(decision && decision.goals);
        emit("decision", decision);
        if (flow && decision && decision.flow) openFlow(decision.flow);
      } catch (error) {
        revealAll();
        fail("decide", error);
      }
    }

    // Flow widget. Handlers run through guard(): a bug or odd response never reaches the page.
    function guard(fn) {
      return function (event) {
        try {
          return fn(event);
        } catch (error) {
          report(error);
        }
      };
    }

    function el(tag, props, kids) {
      const node = document.createElement(tag);
      Object.keys(props || {}).forEach(function (name) {
        const value = props[name];
        if (value == null || value === false) return;
        if (name === "text") node.textContent = value;
        else if (name === "html") node.innerHTML = value;
        else if (name.slice(0, 2) === "on") node.addEventListener(name.slice(2), guard(value));
        else node.setAttribute(name, value === true ? "" : String(value));
      });
      (kids || []).forEach(function (kid) {
        if (kid) node.appendChild(kid);
      });
      return node;
    }

    function usable(prompt) {
      const step = prompt && prompt.step;
      const types = ["question", "message", "cta", "end"];
      if (!step || typeof prompt.key !== "string" || typeof step.id !== "string" || types.indexOf(step.type) < 0) return false;
      return step.type !== "question" || (Array.isArray(step.answers) && step.answers.length > 0);
    }

    function openFlow(prompt) {
      if (widget) return;
      if (!usable(prompt)) return fail("flow", "unusable flow step");
      injectFlowStyle();
      const slot = Array.prototype.slice.call(document.querySelectorAll("[data-tailor-flow]")).filter(function (node) {
        return node.getAttribute("data-tailor-flow") === prompt.key;
      })[0];
      const w = { key: prompt.key, busy: false, controls: [] };
      w.content = el("div", { class: FLOW + "-step" });
      w.closer = el("button", { type: "button", class: FLOW + "-close", "aria-label": "Close", text: "\u00d7", onclick: function () { closeFlow(w, true); } });
      w.status = el("p", { class: FLOW + "-status", "aria-live": "polite" });
      w.root = el("div", {
        class: FLOW + (slot ? "" : " " + FLOW + "--floating"),
        role: "region",
        "aria-labelledby": TITLE_ID,
        "aria-busy": "false",
        "data-tailor-flow-key": prompt.key,
        onkeydown: function (event) {
          if (event.key === "Escape" || event.key === "Esc") closeFlow(w, w.step.type !== "end");
        },
      }, [w.content, w.closer, w.status]);
      widget = w;
      (slot || document.body || document.documentElement).appendChild(w.root);
      showStep(w, prompt, false); // no focus: the visitor didn't ask for it
    }

    function showStep(w, prompt, focus) {
      const step = prompt.step;
      const text = function (value) {
        return typeof value === "string" ? value : "";
      };
      const title = text(step.title);
      if (step.type === "end" && !title && !text(step.bodyHtml)) return closeFlow(w, false);
      w.step = step;
      w.controls = [];
      const control = function (node) {
        w.controls.push(node);
        return node;
      };
      const button = function (label, cls, fn) {
        return control(el("button", { type: fn ? "button" : "submit", class: FLOW + "-" + cls, text: label, onclick: fn }));
      };
      const heading = el("h2", { id: TITLE_ID, class: FLOW + "-title" + (title ? "" : " " + FLOW + "-sr"), tabindex: "-1", text: title || text(prompt.name) });
      const body = text(step.bodyHtml) ? el("div", { class: FLOW + "-body", html: step.bodyHtml }) : null;
      const actions = function (kids) {
        return el("div", { class: FLOW + "-actions" }, kids);
      };
      let kids;
      if (step.type === "question") {
        const multi = step.selection === "multi";
        const inputs = [];
        const options = step.answers.map(function (answer) {
          const input = el("input", { type: multi ? "checkbox" : "radio", name: FLOW + "-answer", value: text(answer && answer.key) });
          inputs.push(input);
          return el("label", { class: FLOW + "-answer" }, [input, el("span", { text: text(answer && answer.label) })]);
        });
        const hint = multi ? el("p", { class: FLOW + "-hint", id: FLOW + "-hint", text: "Choose all that apply." }) : null;
        kids = [
          el("form", {
            class: FLOW + "-form",
            novalidate: true,
            onsubmit: function (event) {
              event.preventDefault();
              const chosen = step.answers.filter(function (answer, i) {
                return inputs[i].checked;
              }).map(function (answer) {
                return answer.key;
              });
              if (w.busy) return;
              if (!chosen.length) return say(w, "Choose an answer.", true);
              act(w, "answer", chosen);
            },
          }, [
            el("fieldset", { class: FLOW + "-fieldset", "aria-describedby": hint && FLOW + "-hint" }, [
              el("legend", { class: FLOW + "-legend" }, [heading]),
              hint,
              el("div", { class: FLOW + "-answers" }, options),
            ]),
            actions([button("Next", "primary")]),
          ]),
        ];
      } else if (step.type === "end") {
        kids = [heading, body, actions([button("Close", "primary", function () { closeFlow(w, false); })])];
      } else {
        const next = function () {
          act(w, "continue");
        };
        const url = text(step.url);
        const link = step.type === "cta" && /^(https?:\/\/|\/)/i.test(url)
          ? control(el("a", { class: FLOW + "-primary", href: url, text: text(step.buttonLabel), onclick: function () { act(w, "cta"); } }))
          : null;
        kids = [heading, body, actions(step.type === "cta" ? [link, button(link ? "Not now" : "Continue", link ? "secondary" : "primary", next)] : [button(text(step.buttonLabel) || "Continue", "primary", next)])];
      }
      w.content.textContent = "";
      kids.forEach(function (kid) {
        if (kid) w.content.appendChild(kid);
      });
      if (step.type === "end") w.closer.setAttribute("hidden", "");
      else w.closer.removeAttribute("hidden");
      w.root.setAttribute("data-tailor-flow-step", step.id);
      say(w, "", false);
      if (focus) heading.focus();
      emit("flow", { key: w.key, stepId: step.id, type: step.type });
    }

    function say(w, message, error) {
      w.status.textContent = message;
      w.status.setAttribute("class", FLOW + "-status" + (error ? " " + FLOW + "-error" : ""));
    }

    function setBusy(w, busy) {
      w.busy = busy;
      w.root.setAttribute("aria-busy", String(busy));
      w.controls.concat(w.closer).forEach(function (node) {
        if (busy) node.setAttribute("aria-disabled", "true");
        else node.removeAttribute("aria-disabled");
      });
    }

    async function act(w, action, answers) {
      if (w.busy || widget !== w) return;
      setBusy(w, true);
      say(w, action === "answer" ? "Saving your answer\u2026" : "", false);
      const body = { flow: w.key, step: w.step.id, action: action };
      if (answers) body.answers = answers;
      try {
        const result = await post("/flow", body, action === "cta");
        if (widget !== w) return;
        setBusy(w, false);
        const next = result && result.flow;
        if (next && next.key === w.key && usable(next)) showStep(w, next, true);
        else closeFlow(w, false);
        if (action === "answer") decide(false); // answers changed the visitor's segments
      } catch (error) {
        fail("flow", error);
        if (widget !== w) return;
        setBusy(w, false);
        if (error && (error.status === 404 || error.status === 409)) return closeFlow(w, false); // flow gone or republished
        say(w, action === "answer" ? "Couldn't save your answer. Try again." : "Something went wrong. Try again.", true);
      }
    }

    function closeFlow(w, dismiss) {
      if (widget !== w) return;
      widget = null;
      if (w.root.parentNode) w.root.parentNode.removeChild(w.root);
      if (dismiss) {
        post("/flow", { flow: w.key, step: w.step.id, action: "dismiss" }, true).catch(function (error) {
          fail("flow", error);
        });
      }
      emit("flow", { key: w.key, closed: true });
    }

    // Impressions: what the page now shows, once per placement, arm and day in this browser.
    function reportImpressions(placements) {
      const today = new Date().toISOString().slice(0, 10);
      const seen = readJson("localStorage", SEEN) || {};
      const sent = [];
      placementElements().forEach(function (node) {
        const key = node.getAttribute(PLACEMENT);
        const placement = Object.prototype.hasOwnProperty.call(placements, key) ? placements[key] : null;
        const arm = placement && typeof placement.arm === "string" ? placement.arm : null;
        if (!arm || seen[key + "|" + arm] === today || sent.some(function (i) { return i.placement === key; })) return;
        sent.push({ placement: key, arm: arm });
      });
      if (!sent.length) return;
      Object.keys(seen).forEach(function (k) {
        if (seen[k] !== today) delete seen[k];
      });
      sent.forEach(function (i) {
        seen[i.placement + "|" + i.arm] = today;
      });
      writeJson("localStorage", SEEN, seen);
      post("/track", { type: "impressions", id: randomId(), impressions: sent.slice(0, 50) }, true).catch(function (error) {
        fail("impressions", error);
      });
    }

    // Click goals: one listener for the page; each goal counts once per page view.
    let goals = readJson("sessionStorage", GOALS) || [];
    const clicked = {};
    function listenForGoals(list) {
      if (!Array.isArray(list)) list = [];
      goals = list.filter(function (g) {
        return g && typeof g.key === "string" && typeof g.selector === "string";
      });
      writeJson("sessionStorage", GOALS, goals);
    }
    document.addEventListener("click", guard(function (event) {
      const target = event.target;
      if (!target || typeof target.closest !== "function") return;
      goals.forEach(function (goal) {
        if (clicked[goal.key] || !safely(function () { return target.closest(goal.selector); })) return;
        clicked[goal.key] = true;
        track(goal.key);
      });
    }), true);

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
      const hash = ids && typeof ids.userHash === "string" && ids.userHash ? { userHash: ids.userHash } : {};
      if (ids && typeof ids.email === "string" && ids.email) return send("identify", "/identify", Object.assign({ email: ids.email }, hash), false);
      if (ids && typeof ids.intercomContactId === "string" && ids.intercomContactId) {
        return send("identify", "/identify", Object.assign({ intercomContactId: ids.intercomContactId }, hash), false);
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

    function track(key, properties) {
      if (typeof key === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(key)) {
        const body = { type: "track", id: randomId(), key: key };
        if (properties && typeof properties === "object") body.properties = properties;
        return post("/track", body, true).catch(function (error) {
          fail("track", error);
        });
      }
      fail("track", "track() needs a key: letters, digits, - and _");
      return Promise.resolve();
    }

    // One page view per load: path, full URL, title and the UTM parameters it arrived with.
    function pageView() {
      const q = new URLSearchParams(location.search);
      const utm = {};
      ["source", "medium", "campaign"].forEach(function (name) {
        const value = q.get("utm_" + name);
        if (value) utm[name] = value.slice(0, 100);
      });
      const body = { type: "page", id: randomId(), path: location.pathname.slice(0, 1024) || "/", url: location.href.slice(0, 2048), title: document.title.slice(0, 200) };
      if (Object.keys(utm).length) body.utm = utm;
      return post("/track", body, true).catch(function (error) {
        fail("page", error);
      });
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

    const methods = { identify: identify, answer: answer, refresh: refresh, track: track, on: on };

    function push(call) {
      try {
        const name = call && call[0];
        if (!Object.prototype.hasOwnProperty.call(methods, name)) throw new Error("unknown call " + name);
        return methods[name].apply(null, call.slice(1));
      } catch (error) {
        fail("queue", error);
      }
    }

    window.tailor = { identify: identify, answer: answer, refresh: refresh, track: track, on: on, push: push, visitorId: visitorId };
    const laterQueue = Array.isArray(window.tailorq) ? window.tailorq : [];
    window.tailorq = { push: push };

    hidePlacements(hideMs);
    const declared = declaredIdentity(attr);
    pageView();
    if (declared) identify(declared);
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

  // Declared identity: script data- attributes, else a signed link (then removed from the address bar).
  function declaredIdentity(attr) {
    const hash = attr("data-tailor-user-hash");
    if (hash && attr("data-tailor-email")) return { email: attr("data-tailor-email"), userHash: hash };
    if (hash && attr("data-tailor-user-id")) return { intercomContactId: attr("data-tailor-user-id"), userHash: hash };
    try {
      const url = new URL(location.href);
      const q = url.searchParams;
      const found = { email: q.get("tailor_email"), userHash: q.get("tailor_hash") };
      if (!found.email || !found.userHash) return null;
      q.delete("tailor_email");
      q.delete("tailor_hash");
      history.replaceState(history.state, "", url.toString());
      return found;
    } catch (error) {
      report(error);
      return null;
    }
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

  function injectFlowStyle() {
    if (document.getElementById("tailor-flow-style")) return;
    const f = ".tailor-flow";
    const style = document.createElement("style");
    style.id = "tailor-flow-style";
    style.textContent = [
      f + "{position:relative;box-sizing:border-box;max-width:360px;margin:0;padding:18px 20px 16px;background:#fff;color:#18181b;border:1px solid #d4d4d8;border-radius:12px;box-shadow:0 12px 32px rgba(24,24,27,.18);font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;text-align:left}",
      f + " *{box-sizing:border-box;margin:0;padding:0;font:inherit;color:inherit;letter-spacing:normal;text-transform:none}",
      f + ":not(" + f + "--floating){box-shadow:0 1px 3px rgba(24,24,27,.1)}",
      f + "--floating{position:fixed;right:16px;bottom:16px;z-index:2147483000;width:calc(100% - 32px);animation:tailor-flow-in .2s ease-out}",
      "@keyframes tailor-flow-in{from{opacity:0;transform:translateY(12px)}}",
      "@media (max-width:480px){" + f + "--floating{right:0;bottom:0;left:0;width:auto;max-width:none;padding-bottom:max(16px,env(safe-area-inset-bottom));border-width:1px 0 0;border-radius:12px 12px 0 0}}",
      "@media (prefers-reduced-motion:reduce){" + f + "--floating{animation:none}}",
      f + " [hidden]{display:none!important}",
      f + "-title{margin:0 28px 8px 0;font-size:17px;font-weight:650;line-height:1.3}",
      f + "-title:focus{outline:none}",
      f + "-body{margin-bottom:4px;white-space:pre-line}" + f + "-body b," + f + "-body strong{font-weight:700}" + f + "-body a{color:#4338ca;text-decoration:underline}",
      f + "-form{display:block}" + f + "-fieldset{border:0;min-width:0}" + f + "-legend{display:block;width:100%}",
      f + "-hint{margin:-4px 0 8px;font-size:14px;color:#52525b}",
      f + "-answer{display:flex;align-items:center;gap:10px;margin:0 0 6px;padding:9px 12px;border:1px solid #d4d4d8;border-radius:8px;cursor:pointer;font-weight:400}",
      f + "-answer:hover," + f + "-answer:focus-within{border-color:#818cf8;background:#eef2ff}",
      f + "-answer input{flex:none;width:16px;height:16px;min-width:0;margin:0;accent-color:#4f46e5}",
      f + "-actions{display:flex;flex-wrap:wrap;gap:8px;margin-top:14px}",
      f + "-primary," + f + "-secondary{display:inline-block;padding:8px 16px;border:1px solid #4f46e5;border-radius:8px;background:#4f46e5;color:#fff;font-weight:600;line-height:1.4;text-decoration:none;cursor:pointer}",
      f + "-primary:hover{background:#4338ca;color:#fff}",
      f + "-secondary{background:#fff;color:#3f3f46;border-color:#a1a1aa}" + f + "-secondary:hover{background:#f4f4f5}",
      f + " [aria-disabled=true]{opacity:.6;cursor:progress}",
      f + "-close{position:absolute;top:8px;right:8px;width:32px;height:32px;border:0;border-radius:6px;background:transparent;color:#52525b;font-size:22px;line-height:32px;text-align:center;cursor:pointer}",
      f + "-close:hover{background:#f4f4f5;color:#18181b}",
      f + " a:focus-visible," + f + " button:focus-visible," + f + " input:focus-visible{outline:3px solid #6366f1;outline-offset:2px}",
      f + "-status:not(:empty){margin-top:10px;font-size:14px;color:#52525b}" + f + "-error{color:#b91c1c!important}",
      f + "-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}",
    ].join("\n");
    (document.head || document.documentElement).appendChild(style);
  }

  // Storage may be missing or throw (sandboxed frames, privacy modes): then nothing is remembered.
  function readJson(storage, name) {
    return safely(function () {
      const value = JSON.parse(window[storage].getItem(name) || "null");
      return value && typeof value === "object" ? value : null;
    });
  }

  function writeJson(storage, name, value) {
    safely(function () {
      window[storage].setItem(name, JSON.stringify(value));
    });
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
