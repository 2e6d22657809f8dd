import { readFileSync } from "node:fs";
import path from "node:path";
import { webcrypto } from "node:crypto";
import { Window } from "happy-dom";
import { afterEach, describe, expect, it } from "vitest";

// Runs public/tailor.js in a happy-dom window (a real DOM: parsing, events, focus, cookies,
// history). What the page talks to is scripted: fetch answers from `respond`, and setTimeout runs
// on a clock the test advances.
const source = readFileSync(path.resolve(import.meta.dirname, "../../public/tailor.js"), "utf8");

type El = Element & { checked?: boolean };
interface FetchCall {
  url: string;
  init: RequestInit & { keepalive?: boolean };
  body: Record<string, unknown>;
}
type Responder = (call: FetchCall) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

/** An element's attributes as a plain object (for toMatchObject / toHaveProperty). */
const attrs = (el: Element | null | undefined): Record<string, string> =>
  Object.fromEntries([...(el?.attributes ?? [])].map((a) => [a.name, a.value]));
const kids = (el: Element | null | undefined): El[] => [...(el?.children ?? [])];

const opened: Window[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((w) => w.happyDOM.close()));
});

/** Dispatches a bubbling, cancelable event; returns it so a test can see preventDefault(). */
function fire(target: Element, type: string, init: { key?: string } = {}): Event {
  const view = target.ownerDocument.defaultView as unknown as Window;
  const event = init.key !== undefined ? new view.KeyboardEvent(type, { bubbles: true, cancelable: true, key: init.key }) : new view.Event(type, { bubbles: true, cancelable: true });
  target.dispatchEvent(event as never);
  return event as unknown as Event;
}

const json = (body: unknown, status = 200) => Promise.resolve({ ok: status < 400, status, text: () => Promise.resolve(JSON.stringify(body)) });

function createPage(options: {
  cookies?: Map<string, string>;
  protocol?: "https:" | "http:";
  url?: string;
  scriptAttributes?: Record<string, string>;
  placements?: string[];
  flowSlots?: string[];
  readyState?: "loading" | "complete";
  respond?: Responder;
  randomUUID?: boolean;
  preload?: (window: Record<string, unknown>) => void;
}) {
  const protocol = options.protocol ?? "https:";
  const cookies = options.cookies ?? new Map<string, string>();
  const cookieWrites: string[] = [];
  const timers: { at: number; fn: () => void; id: number }[] = [];
  let now = 0;
  let nextTimer = 1;
  const calls: FetchCall[] = [];
  // Behaviour reports (POST /track: one page view per load, tailor.track) are kept apart from the API calls.
  const tracks: FetchCall[] = [];
  const warnings: unknown[] = [];

  const happy = new Window({ url: options.url ?? `${protocol}//shop.test/pricing?x=1`, settings: { navigation: { disableMainFrameNavigation: true } } });
  opened.push(happy);
  const window = happy as unknown as Record<string, unknown> & typeof globalThis;
  const document = happy.document as unknown as Document;

  // The page's cookie jar is the test's (shared across page loads); writes are recorded verbatim.
  let proto = Object.getPrototypeOf(document);
  while (proto && !Object.getOwnPropertyDescriptor(proto, "cookie")) proto = Object.getPrototypeOf(proto);
  const jar = Object.getOwnPropertyDescriptor(proto, "cookie")!;
  for (const [k, v] of cookies) jar.set!.call(document, `${k}=${v}; Path=/`);
  Object.defineProperty(document, "cookie", {
    configurable: true,
    get: () => jar.get!.call(document),
    set: (value: string) => {
      cookieWrites.push(value);
      jar.set!.call(document, value);
      const [pair = ""] = value.split(";");
      const eq = pair.indexOf("=");
      if (/;\s*Secure/i.test(value) && protocol !== "https:") return;
      cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    },
  });
  let readyState: DocumentReadyState = options.readyState ?? "complete";
  Object.defineProperty(document, "readyState", { configurable: true, get: () => readyState });

  const script = document.createElement("script");
  for (const [name, value] of Object.entries({ "data-site-key": "site_123", ...options.scriptAttributes })) script.setAttribute(name, value);
  script.setAttribute("src", "https://app.tailor.test/tailor.js");
  document.head.appendChild(script);
  const placements = (options.placements ?? ["hero", "cta", "hero"]).map((key) => {
    const el = document.createElement("div");
    el.setAttribute("data-tailor-placement", key);
    el.textContent = `default ${key}`;
    return document.body.appendChild(el);
  });
  const flowSlots = (options.flowSlots ?? []).map((key) => {
    const el = document.createElement("div");
    el.setAttribute("data-tailor-flow", key);
    return document.body.appendChild(el);
  });

  if (options.randomUUID === false) window.crypto = { getRandomValues: webcrypto.getRandomValues.bind(webcrypto) } as Crypto;
  window.console = { ...console, warn: (...args: unknown[]) => warnings.push(args) };
  window.setTimeout = ((fn: () => void, ms: number) => {
    const id = nextTimer++;
    timers.push({ at: now + ms, fn, id });
    return id;
  }) as never;
  window.clearTimeout = ((id: number) => {
    const index = timers.findIndex((t) => t.id === id);
    if (index >= 0) timers.splice(index, 1);
  }) as never;
  window.fetch = ((url: string, init: RequestInit) => {
    const call = { url, init, body: JSON.parse(String(init.body)) as Record<string, unknown> };
    (url.endsWith("/track") ? tracks : calls).push(call);
    const respond = options.respond ?? (() => json({ placements: {} }));
    return new Promise((resolve, reject) => {
      init.signal?.addEventListener("abort", () => reject(new Error("aborted")));
      respond(call).then(resolve, reject);
    });
  }) as never;
  options.preload?.(window);

  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  // The open flow widget (in the body, or in a data-tailor-flow slot) and finders inside it.
  const widget = (): El | null => [document.body, ...flowSlots].flatMap((root) => kids(root)).find((c) => c.getAttribute("role") === "region") ?? null;
  const inWidget = (match: (el: El) => boolean): El[] => {
    const root = widget();
    return root ? ([...root.querySelectorAll("*")] as El[]).filter(match) : [];
  };
  const button = (name: string) =>
    inWidget((el) => (el.tagName === "BUTTON" || el.tagName === "A") && (el.getAttribute("aria-label") ?? el.textContent) === name)[0];
  return {
    window,
    document,
    placements,
    flowSlots,
    body: document.body,
    widget,
    inWidget,
    button,
    heading: () => inWidget((el) => el.tagName === "H2")[0],
    /** What has focus, or null while nothing does (the body). */
    focused: () => (document.activeElement === document.body ? null : document.activeElement),
    calls,
    tracks,
    cookies,
    cookieWrites,
    warnings,
    run() {
      happy.eval(source);
    },
    tailor: () =>
      window.tailor as unknown as {
        visitorId: string;
        identify(ids: object): Promise<void>;
        answer(q: string, a: string | string[]): Promise<void>;
        refresh(): Promise<void>;
        track(key: string, properties?: Record<string, unknown>): Promise<void> | undefined;
        on(e: string, fn: (d: unknown) => void): () => void;
        push(call: unknown[]): unknown;
      },
    hidden: () => kids(document.head).some((c) => c.textContent === "[data-tailor-placement]{visibility:hidden!important}"),
    domReady() {
      readyState = "complete";
      document.dispatchEvent(new happy.Event("DOMContentLoaded") as never);
    },
    async advance(ms: number) {
      now += ms;
      for (;;) {
        const due = timers.filter((t) => t.at <= now).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers.splice(timers.indexOf(due), 1);
        due.fn();
        await settle();
      }
      await settle();
    },
    settle: async () => {
      for (let i = 0; i < 5; i++) await settle();
    },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("tailor.js snippet", () => {
  it("stays small", () => {
    // About half of it is the flow widget and its CSS; impressions and click goals (analytics) added
    // ~3.2 kB of source (gzipped: 9.2 → 10.1 kB). A budget, so growth is a decision, not an accident.
    expect(source.length).toBeLessThan(31_500);
  });

  it("decides once for the placements in the page and applies returned HTML", async () => {
    const page = createPage({
      respond: () => json({ placements: { hero: { html: "<b>Hi founder</b>", variant: "v1" }, ghost: { html: "x", variant: null } } }),
    });
    const decisions: unknown[] = [];
    page.run();
    page.tailor().on("decision", (d) => decisions.push(d));
    await page.settle();
    expect(page.calls).toHaveLength(1);
    const [call] = page.calls;
    expect(call?.url).toBe("https://app.tailor.test/api/v1/decide");
    expect(call?.init).toMatchObject({ method: "POST", credentials: "omit", keepalive: false, headers: { "Content-Type": "application/json" } });
    expect(call?.body).toEqual({ siteKey: "site_123", visitorId: page.tailor().visitorId, url: "https://shop.test/pricing?x=1", placements: ["hero", "cta"], flow: true });
    expect(page.placements.map((p) => p.innerHTML)).toEqual(["<b>Hi founder</b>", "default cta", "<b>Hi founder</b>"]);
    expect(page.placements[0]?.getAttribute("data-tailor-variant")).toBe("v1");
    expect(page.hidden()).toBe(false);
    expect(decisions).toHaveLength(1);
  });

  it("reports one page view per load (path, URL, title, first-touch UTM) and tailor.track calls, apart from decide", async () => {
    const page = createPage({ url: "https://shop.test/pricing?utm_source=newsletter&utm_medium=email&x=1" });
    page.document.title = "Pricing";
    page.run();
    await page.settle();
    expect(page.calls.map((c) => c.url)).toEqual(["https://app.tailor.test/api/v1/decide"]);
    expect(page.tracks).toHaveLength(1);
    const [view] = page.tracks;
    expect(view?.url).toBe("https://app.tailor.test/api/v1/track");
    expect(view?.init.keepalive).toBe(true);
    expect(view?.body).toMatchObject({
      siteKey: "site_123",
      visitorId: page.tailor().visitorId,
      type: "page",
      path: "/pricing",
      url: "https://shop.test/pricing?utm_source=newsletter&utm_medium=email&x=1",
      title: "Pricing",
      utm: { source: "newsletter", medium: "email" },
    });
    expect(typeof view?.body.id).toBe("string");

    page.tailor().track("signup_started", { plan: "growth" });
    page.tailor().track("bad key!");
    await page.settle();
    expect(page.tracks).toHaveLength(2);
    expect(page.tracks[1]?.body).toMatchObject({ type: "track", key: "signup_started", properties: { plan: "growth" } });
    expect(page.tracks[1]?.body.id).not.toBe(view?.body.id);
  });

  it("uses data-api when given", async () => {
    const page = createPage({ scriptAttributes: { "data-api": "https://api.example/v1/" } });
    page.run();
    await page.settle();
    expect(page.calls[0]?.url).toBe("https://api.example/v1/decide");
  });

  it("keeps an anonymous id in a first-party cookie across page loads", async () => {
    const cookies = new Map<string, string>();
    const first = createPage({ cookies });
    first.run();
    const id = first.tailor().visitorId;
    expect(id).toMatch(UUID);
    expect(first.cookieWrites[0]).toBe(`tailor_vid=${id}; Max-Age=31536000; Path=/; SameSite=Lax; Secure`);

    const second = createPage({ cookies });
    second.run();
    expect(second.tailor().visitorId).toBe(id);
    await second.settle();
    expect(second.calls[0]?.body.visitorId).toBe(id);
  });

  it("omits Secure on http, replaces a malformed cookie, and works without randomUUID", () => {
    const page = createPage({ protocol: "http:", randomUUID: false, cookies: new Map([["tailor_vid", "<bad>"]]) });
    page.run();
    expect(page.tailor().visitorId).toMatch(UUID);
    expect(page.cookieWrites[0]).not.toContain("Secure");
  });

  it("hides placements until the decision, and at most data-hide-ms", async () => {
    const page = createPage({ scriptAttributes: { "data-hide-ms": "400" }, respond: () => new Promise(() => {}) });
    page.run();
    expect(page.hidden()).toBe(true);
    await page.advance(399);
    expect(page.hidden()).toBe(true);
    await page.advance(1);
    expect(page.hidden()).toBe(false);
    expect(page.placements[0]?.innerHTML).toBe("default hero");
  });

  it("hides for 600 ms by default, and still applies a late decision", async () => {
    let answer: (value: Awaited<ReturnType<Responder>>) => void = () => {};
    const page = createPage({ respond: () => new Promise((resolve) => (answer = resolve)) });
    page.run();
    await page.advance(599);
    expect(page.hidden()).toBe(true);
    await page.advance(1);
    expect(page.hidden()).toBe(false);
    answer(await json({ placements: { cta: { html: "Book a demo", variant: "v2" } } }));
    await page.settle();
    expect(page.placements[1]?.innerHTML).toBe("Book a demo");
  });

  it("reveals defaults and emits an error when the API fails, times out or answers badly", async () => {
    for (const respond of [
      () => Promise.reject(new Error("offline")),
      () => json({ error: "boom" }, 500),
      () => Promise.resolve({ ok: true, status: 200, text: () => Promise.resolve("<html>") }),
      () => new Promise<never>(() => {}),
    ] satisfies Responder[]) {
      const page = createPage({ scriptAttributes: { "data-hide-ms": "5000" }, respond });
      const errors: unknown[] = [];
      page.run();
      page.tailor().on("error", (e) => errors.push(e));
      await page.settle();
      await page.advance(3000); // the request timeout
      // The decision and the page-view report each say they failed; neither throws.
      expect(errors).toHaveLength(2);
      expect(errors).toEqual(expect.arrayContaining([expect.objectContaining({ action: "decide" }), expect.objectContaining({ action: "page" })]));
      expect(page.hidden()).toBe(false);
      expect(page.placements[0]?.innerHTML).toBe("default hero");
    }
  });

  it("runs queued calls (window.tailor and window.tailorq) before a single decide", async () => {
    const decisions: unknown[] = [];
    const page = createPage({
      readyState: "loading",
      preload: (window) => {
        window.tailor = [["on", "decision", (d: unknown) => decisions.push(d)], ["identify", { email: "ada@example.com" }]];
        window.tailorq = [["answer", "role", "founder"]];
      },
    });
    page.run();
    page.tailor().push(["answer", "interest", ["pricing", "api"]]); // after load, before DOM ready
    await page.settle();
    expect(page.calls.map((c) => c.url.replace("https://app.tailor.test/api/v1", ""))).toEqual(["/identify", "/answers", "/answers"]);
    page.domReady();
    await page.settle();
    expect(page.calls.map((c) => c.url.replace("https://app.tailor.test/api/v1", ""))).toEqual(["/identify", "/answers", "/answers", "/decide"]);
    const visitorId = page.tailor().visitorId;
    expect(page.calls[0]?.body).toEqual({ siteKey: "site_123", visitorId, email: "ada@example.com" });
    expect(page.calls[1]?.body).toEqual({ siteKey: "site_123", visitorId, question: "role", answers: ["founder"] });
    expect(page.calls[1]?.init.keepalive).toBe(true);
    expect(page.calls[2]?.body).toMatchObject({ question: "interest", answers: ["pricing", "api"] });
    expect(decisions).toHaveLength(1);
  });

  it("holds the first decide until a queued identify has finished", async () => {
    let finishIdentify: () => void = () => {};
    const page = createPage({
      respond: (call) =>
        call.url.endsWith("/identify") ? new Promise((resolve) => (finishIdentify = () => resolve(json({}) as never))) : json({ placements: {} }),
      preload: (window) => {
        window.tailor = [["identify", { email: "ada@example.com" }]];
      },
    });
    page.run();
    await page.settle();
    expect(page.calls.map((c) => c.url.split("/api/v1")[1])).toEqual(["/identify"]);
    finishIdentify();
    await page.settle();
    expect(page.calls.map((c) => c.url.split("/api/v1")[1])).toEqual(["/identify", "/decide"]);
  });

  it("after load, identify and answer post then refresh", async () => {
    const page = createPage({});
    page.run();
    await page.settle();
    await page.tailor().identify({ intercomContactId: "6762f0d0" });
    await page.tailor().answer("role", "marketer");
    const paths = page.calls.map((c) => c.url.split("/api/v1")[1]);
    expect(paths).toEqual(["/decide", "/identify", "/decide", "/answers", "/decide"]);
    expect(page.calls[1]?.body).toMatchObject({ intercomContactId: "6762f0d0" });
  });

  it("passes userHash with identify, and identifies from script data- attributes before the first decide", async () => {
    const page = createPage({ scriptAttributes: { "data-tailor-email": "ada@example.com", "data-tailor-user-hash": "ab".repeat(32) } });
    page.run();
    page.domReady();
    await page.settle();
    expect(page.calls.map((c) => c.url.split("/api/v1")[1])).toEqual(["/identify", "/decide"]);
    expect(page.calls[0]?.body).toMatchObject({ email: "ada@example.com", userHash: "ab".repeat(32) });
    await page.tailor().identify({ email: "grace@example.com", userHash: "cd".repeat(32) });
    expect(page.calls[2]?.body).toMatchObject({ email: "grace@example.com", userHash: "cd".repeat(32) });
  });

  it("identifies from a signed link and removes its parameters from the address bar", async () => {
    const page = createPage({ url: `https://shop.test/pricing?x=1&tailor_email=ada%40example.com&tailor_hash=${"ef".repeat(32)}` });
    const entries = (page.window.history as History).length;
    page.run();
    page.domReady();
    await page.settle();
    expect(page.calls[0]?.body).toMatchObject({ email: "ada@example.com", userHash: "ef".repeat(32) });
    expect((page.window.location as Location).href).toBe("https://shop.test/pricing?x=1");
    expect((page.window.history as History).length).toBe(entries); // replaced, not pushed
  });

  it("applies only the latest of overlapping decisions", async () => {
    const pending: ((html: string) => void)[] = [];
    const page = createPage({
      placements: ["hero"],
      respond: (call) =>
        call.url.endsWith("/track")
          ? json({ recorded: true })
          : new Promise((resolve) => pending.push((html) => resolve(json({ placements: { hero: { html, variant: null } } }) as never))),
    });
    page.run();
    await page.settle(); // the boot decide is now in flight
    const second = (page.window.tailor as { refresh(): Promise<void> }).refresh();
    pending[1]?.("new");
    await second;
    pending[0]?.("stale");
    await page.settle();
    expect(page.placements[0]?.innerHTML).toBe("new");
    expect(attrs(page.placements[0])).not.toHaveProperty("data-tailor-variant");
  });

  it("never throws into the host page", async () => {
    const page = createPage({});
    page.run();
    await page.settle();
    const errors: unknown[] = [];
    page.tailor().on("error", (e) => errors.push(e));
    page.tailor().on("decision", () => {
      throw new Error("host bug");
    });
    expect(() => page.tailor().push(["nope"])).not.toThrow();
    expect(() => page.tailor().push(null as never)).not.toThrow();
    expect(() => page.tailor().on("constructor", () => {})).not.toThrow();
    await expect(page.tailor().identify({})).resolves.toBeUndefined();
    await expect(page.tailor().answer("role", [])).resolves.toBeUndefined();
    await page.settle();
    expect(errors.map((e) => (e as { action: string }).action)).toEqual(["queue", "queue", "identify", "answer"]);

    const broken = createPage({ preload: (window) => delete window.crypto });
    expect(() => broken.run()).not.toThrow();
    expect(broken.hidden()).toBe(false);
    expect(broken.warnings).toHaveLength(1);
  });

  it("reports a missing site key instead of calling the API", async () => {
    const page = createPage({ scriptAttributes: { "data-site-key": "" } });
    const errors: unknown[] = [];
    page.run();
    page.tailor().on("error", (e) => errors.push(e));
    await page.settle();
    expect(page.calls).toEqual([]);
    expect(page.tracks).toEqual([]);
    expect(errors).toEqual([
      expect.objectContaining({ action: "page", message: expect.stringContaining("data-site-key") }),
      expect.objectContaining({ action: "decide", message: expect.stringContaining("data-site-key") }),
    ]);
  });

  it("is a no-op when included twice", () => {
    const page = createPage({});
    page.run();
    const first = page.tailor();
    page.run();
    expect(page.tailor()).toBe(first);
  });
});

describe("tailor.js flow widget", () => {
  const steps = {
    role: { id: "s-role", type: "question", title: "What's your role?", selection: "single", answers: [{ key: "founder", label: "Founder" }, { key: "marketer", label: "Marketer" }] },
    topics: { id: "s-topics", type: "question", title: "Interested in?", selection: "multi", answers: [{ key: "api", label: "API" }, { key: "pricing", label: "Pricing" }] },
    hello: { id: "s-hello", type: "message", title: "Hi Ada", bodyHtml: "Ada &amp; co", buttonLabel: "Go on" },
    demo: { id: "s-demo", type: "cta", title: "See a demo", bodyHtml: "", buttonLabel: "Book a demo", url: "/demo" },
    done: { id: "s-done", type: "end", title: "Thanks!", bodyHtml: "" },
  } as const;
  type Step = (typeof steps)[keyof typeof steps] | Record<string, unknown>;
  const prompt = (step: Step) => ({ key: "onboarding", name: "Onboarding", step });
  const path = (call: FetchCall | undefined) => call?.url.split("/api/v1")[1];

  /** A page whose decide offers `first` (when asked for a flow) and whose /flow answers from `next`. */
  function flowPage(first: Step, next: (call: FetchCall) => Promise<Awaited<ReturnType<Responder>>>, options: Parameters<typeof createPage>[0] = {}) {
    const page = createPage({
      respond: (call) => (path(call) === "/flow" ? next(call) : json({ placements: {}, ...(call.body.flow ? { flow: prompt(first) } : {}) })),
      ...options,
    });
    const events: unknown[] = [];
    const errors: unknown[] = [];
    page.run();
    page.tailor().on("flow", (e) => events.push(e));
    page.tailor().on("error", (e) => errors.push(e));
    return { page, events, errors };
  }

  const choose = (page: ReturnType<typeof createPage>, ...labels: string[]) => {
    for (const label of page.inWidget((el) => el.tagName === "LABEL")) {
      const [input, span] = kids(label);
      if (input && labels.includes(span?.textContent ?? "")) input.checked = true;
    }
  };
  const submit = (page: ReturnType<typeof createPage>) => fire(page.inWidget((el) => el.tagName === "FORM")[0]!, "submit");

  it("asks decide for a flow only while no widget is open, and renders it without taking focus", async () => {
    const { page, events } = flowPage(steps.role, () => json({ flow: null }));
    await page.settle();
    expect(page.calls[0]?.body).toMatchObject({ placements: ["hero", "cta"], flow: true });
    const widget = page.widget()!;
    expect(widget.parentElement).toBe(page.body);
    expect(attrs(widget)).toMatchObject({
      class: "tailor-flow tailor-flow--floating",
      role: "region",
      "aria-labelledby": "tailor-flow-title",
      "aria-busy": "false",
      "data-tailor-flow-key": "onboarding",
      "data-tailor-flow-step": "s-role",
    });
    const heading = page.heading()!;
    expect(attrs(heading)).toMatchObject({ id: "tailor-flow-title", tabindex: "-1" });
    expect(heading.textContent).toBe("What's your role?");
    expect(heading.parentElement?.tagName).toBe("LEGEND");
    expect(heading.parentElement?.parentElement?.tagName).toBe("FIELDSET");
    const inputs = page.inWidget((el) => el.tagName === "INPUT");
    expect(inputs.map((i) => [i.getAttribute("type"), i.getAttribute("value"), i.parentElement?.tagName])).toEqual([
      ["radio", "founder", "LABEL"],
      ["radio", "marketer", "LABEL"],
    ]);
    expect(page.button("Next")?.getAttribute("type")).toBe("submit");
    expect(page.button("Close")).toBeDefined();
    expect(page.inWidget((el) => el.getAttribute("aria-live") === "polite")).toHaveLength(1);
    expect(page.focused()).toBeNull();
    expect(events).toEqual([{ key: "onboarding", stepId: "s-role", type: "question" }]);
    expect((page.window.document as { getElementById(id: string): unknown }).getElementById("tailor-flow-style")).not.toBeNull();

    await page.tailor().refresh(); // a flow is open: placements only, and no second widget
    expect(page.calls[1]?.body).toMatchObject({ flow: false });
    expect(kids(page.body).filter((c) => c.getAttribute("role") === "region")).toHaveLength(1);
  });

  it("decides for a flow on a page without placements, then not at all while it is open", async () => {
    const { page } = flowPage(steps.hello, () => json({ flow: null }), { placements: [] });
    await page.settle();
    expect(page.calls.map((c) => [path(c), c.body.placements, c.body.flow])).toEqual([["/decide", [], true]]);
    expect(page.heading()?.textContent).toBe("Hi Ada");
    await page.tailor().refresh();
    expect(page.calls).toHaveLength(1);
  });

  it("renders inside a data-tailor-flow slot of its key", async () => {
    const { page } = flowPage(steps.hello, () => json({ flow: null }), { flowSlots: ["other", "onboarding"] });
    await page.settle();
    expect(kids(page.flowSlots[0])).toEqual([]);
    expect(kids(page.flowSlots[1])).toEqual([page.widget()]);
    expect(page.widget()?.getAttribute("class")).toBe("tailor-flow");
  });

  it("answers, continues, follows CTAs and moves focus to each new step's heading", async () => {
    const order = [steps.topics, steps.hello, steps.demo, steps.done];
    const { page, events } = flowPage(steps.role, () => json({ flow: prompt(order.shift()!) }));
    await page.settle();
    const visitorId = page.tailor().visitorId;

    choose(page, "Marketer");
    expect(submit(page).defaultPrevented).toBe(true);
    await page.settle();
    expect(page.calls.slice(1).map(path)).toEqual(["/flow", "/decide"]);
    expect(page.calls[1]?.body).toEqual({ siteKey: "site_123", visitorId, flow: "onboarding", step: "s-role", action: "answer", answers: ["marketer"] });
    expect(page.calls[1]?.init.keepalive).toBe(false);
    expect(page.calls[2]?.body).toMatchObject({ placements: ["hero", "cta"], flow: false }); // segments changed
    expect(page.heading()?.textContent).toBe("Interested in?");
    expect(page.focused()).toBe(page.heading());
    expect(page.inWidget((el) => el.tagName === "INPUT").map((i) => i.getAttribute("type"))).toEqual(["checkbox", "checkbox"]);

    choose(page, "API", "Pricing");
    submit(page);
    await page.settle();
    expect(page.calls[3]?.body).toMatchObject({ step: "s-topics", action: "answer", answers: ["api", "pricing"] });
    expect(page.heading()?.textContent).toBe("Hi Ada");
    // The message body is the one piece set as HTML (escaped server-side): "&amp;" shows as "&".
    const bodyEl = page.inWidget((el) => el.textContent === "Ada & co" && el.children.length === 0);
    expect(bodyEl.map((el) => el.innerHTML)).toEqual(["Ada &amp; co"]);

    fire(page.button("Go on")!, "click");
    await page.settle();
    expect(page.calls[5]?.body).toEqual({ siteKey: "site_123", visitorId, flow: "onboarding", step: "s-hello", action: "continue" });
    expect(page.calls).toHaveLength(6); // no decide after a continue

    const link = page.button("Book a demo")!;
    expect(link.tagName).toBe("A");
    expect(link.getAttribute("href")).toBe("/demo");
    expect(page.button("Not now")).toBeDefined();
    expect(fire(link, "click").defaultPrevented).toBe(false); // the browser follows the link
    await page.settle();
    expect(page.calls[6]?.body).toMatchObject({ step: "s-demo", action: "cta" });
    expect(page.calls[6]?.init.keepalive).toBe(true);

    expect(page.heading()?.textContent).toBe("Thanks!");
    expect(page.button("Close")?.textContent).toBe("Close"); // the end step's own button; no second "Close"
    expect(attrs(page.inWidget((el) => el.getAttribute("aria-label") === "Close")[0])).toHaveProperty("hidden");
    fire(page.button("Close")!, "click");
    expect(page.widget()).toBeNull();
    expect(page.calls).toHaveLength(7); // closing after the end is not a dismiss
    expect(events).toEqual([
      { key: "onboarding", stepId: "s-role", type: "question" },
      { key: "onboarding", stepId: "s-topics", type: "question" },
      { key: "onboarding", stepId: "s-hello", type: "message" },
      { key: "onboarding", stepId: "s-demo", type: "cta" },
      { key: "onboarding", stepId: "s-done", type: "end" },
      { key: "onboarding", closed: true },
    ]);
  });

  it("sends Not now as continue, and ignores a CTA link that is not http(s) or a path", async () => {
    const { page } = flowPage({ ...steps.demo, url: "javascript:alert(1)" }, () => json({ flow: null }));
    await page.settle();
    expect(page.inWidget((el) => el.tagName === "A")).toEqual([]);
    fire(page.button("Continue")!, "click");
    await page.settle();
    expect(page.calls[1]?.body).toMatchObject({ step: "s-demo", action: "continue" });
    expect(page.calls[1]?.body).not.toHaveProperty("answers");
    expect(page.widget()).toBeNull(); // null: finished
  });

  it("dismisses with the close button or Escape, without waiting for the server", async () => {
    for (const close of [(p: ReturnType<typeof createPage>) => fire(p.button("Close")!, "click"), (p: ReturnType<typeof createPage>) => fire(p.inWidget((el) => el.tagName === "INPUT")[0]!, "keydown", { key: "Escape" })]) {
      const { page, events } = flowPage(steps.role, () => new Promise(() => {}));
      await page.settle();
      close(page);
      expect(page.widget()).toBeNull();
      expect(events.at(-1)).toEqual({ key: "onboarding", closed: true });
      expect(page.calls[1]?.body).toEqual({ siteKey: "site_123", visitorId: page.tailor().visitorId, flow: "onboarding", step: "s-role", action: "dismiss" });
      expect(page.calls[1]?.init.keepalive).toBe(true);
      await page.tailor().refresh(); // closed: a flow may be offered again
      expect(page.calls[2]?.body).toMatchObject({ flow: true });
    }
  });

  it("validates, sends once while busy, and keeps the step with a retry-able error when saving fails", async () => {
    let reply: (value: Awaited<ReturnType<Responder>>) => void = () => {};
    const { page, errors } = flowPage(steps.role, () => new Promise((resolve) => (reply = resolve)));
    await page.settle();
    const status = page.inWidget((el) => el.getAttribute("aria-live") === "polite")[0]!;
    submit(page);
    expect(status.textContent).toBe("Choose an answer.");
    expect(page.calls).toHaveLength(1);

    choose(page, "Founder");
    submit(page);
    submit(page); // a double click
    await page.settle();
    expect(page.calls.map(path)).toEqual(["/decide", "/flow"]);
    expect(page.widget()?.getAttribute("aria-busy")).toBe("true");
    expect(page.button("Next")?.getAttribute("aria-disabled")).toBe("true");

    reply(await json({ error: { code: "internal", message: "boom" } }, 500));
    await page.settle();
    expect(status.textContent).toBe("Couldn't save your answer. Try again.");
    expect(page.widget()?.getAttribute("aria-busy")).toBe("false");
    expect(attrs(page.button("Next"))).not.toHaveProperty("aria-disabled");
    expect(errors).toEqual([{ action: "flow", message: "POST /flow answered 500" }]);

    submit(page); // retry
    reply(await json({ flow: null }));
    await page.settle();
    expect(page.calls.map(path)).toEqual(["/decide", "/flow", "/flow", "/decide"]);
    expect(page.widget()).toBeNull();
  });

  it("closes when the flow changed under it (409) and on an empty end step", async () => {
    const { page, errors } = flowPage(steps.hello, () => json({ error: { code: "unknown_step", message: "Republished." } }, 409));
    await page.settle();
    fire(page.button("Go on")!, "click");
    await page.settle();
    expect(page.widget()).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ action: "flow" })]);

    const empty = flowPage(steps.hello, () => json({ flow: prompt({ id: "s-end", type: "end", title: "", bodyHtml: "" }) }));
    await empty.page.settle();
    fire(empty.page.button("Go on")!, "click");
    await empty.page.settle();
    expect(empty.page.widget()).toBeNull();
    expect(empty.events.at(-1)).toEqual({ key: "onboarding", closed: true });
  });

  it("sets titles and labels as text, never as HTML", async () => {
    const xss = "<img src=x onerror=alert(1)>";
    const { page } = flowPage({ ...steps.role, title: xss, answers: [{ key: "a", label: xss }] }, () => json({ flow: null }));
    await page.settle();
    expect(page.heading()?.textContent).toBe(xss);
    expect(page.inWidget((el) => el.tagName === "SPAN")[0]?.textContent).toBe(xss);
    // Set as text, the markup stays text: no element was parsed from it.
    expect(page.widget()!.querySelector("img")).toBeNull();
    expect(page.heading()?.innerHTML).toBe("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("ignores unusable flow steps and never throws into the page", async () => {
    const { page, errors } = flowPage({ id: "s-x", type: "question", title: "Q", selection: "single", answers: [] }, () => json({ flow: null }));
    await page.settle();
    expect(page.widget()).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ action: "flow" })]);

    const broken = flowPage(steps.hello, () => json({ flow: { key: "onboarding", step: null } }));
    broken.page.tailor().on("flow", () => {
      throw new Error("host bug");
    });
    await broken.page.settle();
    expect(() => fire(broken.page.button("Go on")!, "click")).not.toThrow();
    await broken.page.settle();
    expect(broken.page.widget()).toBeNull(); // an unusable next step ends the flow
  });
});
