import { readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { webcrypto } from "node:crypto";
import { describe, expect, it } from "vitest";

// Runs public/tailor.js in a vm context with a hand-made DOM: just the calls the snippet makes.
const source = readFileSync(path.resolve(import.meta.dirname, "../../public/tailor.js"), "utf8");

// Elements are a tree (enough for the flow widget): text, attributes, listeners, focus; innerHTML
// is stored, never parsed, so markup the snippet sets as text can be told from markup set as HTML.
interface FakeEvent {
  type: string;
  key?: string;
  target: FakeElement;
  defaultPrevented: boolean;
  preventDefault(): void;
}
interface FakeElement {
  tagName: string;
  id?: string;
  textContent: string;
  innerHTML: string;
  checked?: boolean;
  parentNode: FakeElement | null;
  children: FakeElement[];
  attributes: Record<string, string>;
  listeners: Record<string, ((event: FakeEvent) => void)[]>;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  appendChild(el: FakeElement): void;
  removeChild(el: FakeElement): void;
  addEventListener(type: string, fn: (event: FakeEvent) => void): void;
  focus(): void;
}
interface FetchCall {
  url: string;
  init: RequestInit & { keepalive?: boolean };
  body: Record<string, unknown>;
}
type Responder = (call: FetchCall) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

let focused: FakeElement | null = null; // document.activeElement of the page being run

function element(attributes: Record<string, string>, innerHTML = "", tagName = "div"): FakeElement {
  let text = "";
  return {
    tagName: tagName.toUpperCase(),
    innerHTML,
    parentNode: null,
    children: [],
    listeners: {},
    attributes: { ...attributes },
    get textContent() {
      return this.children.length ? this.children.map((c) => c.textContent).join("") : text;
    },
    set textContent(value: string) {
      for (const child of this.children) child.parentNode = null;
      this.children = [];
      text = String(value);
    },
    getAttribute(name) {
      return Object.hasOwn(this.attributes, name) ? (this.attributes[name] ?? null) : null;
    },
    setAttribute(name, value) {
      this.attributes[name] = value;
    },
    removeAttribute(name) {
      delete this.attributes[name];
    },
    appendChild(el) {
      el.parentNode?.removeChild(el);
      el.parentNode = this;
      this.children.push(el);
    },
    removeChild(el) {
      this.children = this.children.filter((c) => c !== el);
      el.parentNode = null;
    },
    addEventListener(type, fn) {
      (this.listeners[type] ??= []).push(fn);
    },
    focus() {
      focused = this;
    },
  };
}

function descendants(root: FakeElement): FakeElement[] {
  return root.children.flatMap((c) => [c, ...descendants(c)]);
}

/** Dispatches a bubbling event; returns it so a test can see preventDefault(). */
function fire(target: FakeElement, type: string, init: { key?: string } = {}): FakeEvent {
  const event: FakeEvent = { type, target, defaultPrevented: false, preventDefault: () => void (event.defaultPrevented = true), ...init };
  for (let node: FakeElement | null = target; node; node = node.parentNode) for (const fn of node.listeners[type] ?? []) fn(event);
  return event;
}

const json = (body: unknown, status = 200) => Promise.resolve({ ok: status < 400, status, text: () => Promise.resolve(JSON.stringify(body)) });

function createPage(options: {
  cookies?: Map<string, string>;
  protocol?: "https:" | "http:";
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
  const warnings: unknown[] = [];
  const domListeners: Record<string, (() => void)[]> = {};

  const head = element({}, "", "head");
  const body = element({}, "", "body");
  focused = null;
  const script = element({ "data-site-key": "site_123", ...options.scriptAttributes });
  const scriptSrc = "https://app.tailor.test/tailor.js";
  const placements = (options.placements ?? ["hero", "cta", "hero"]).map((key) => element({ "data-tailor-placement": key }, `default ${key}`));
  const flowSlots = (options.flowSlots ?? []).map((key) => element({ "data-tailor-flow": key }));

  const document = {
    readyState: options.readyState ?? "complete",
    currentScript: Object.assign(script, { src: scriptSrc }),
    head,
    body,
    documentElement: head,
    get activeElement() {
      return focused;
    },
    get cookie() {
      return [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    },
    set cookie(value: string) {
      cookieWrites.push(value);
      const [pair = ""] = value.split(";");
      const eq = pair.indexOf("=");
      cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    },
    createElement: (tag: string) => element({}, "", tag),
    getElementById: (id: string) => head.children.find((c) => c.id === id) ?? null,
    querySelector: () => script,
    querySelectorAll: (selector: string) =>
      selector === "[data-tailor-placement]" ? placements : selector === "[data-tailor-flow]" ? flowSlots : [],
    addEventListener: (type: string, fn: () => void) => (domListeners[type] ??= []).push(fn),
  };
  const crypto = options.randomUUID === false ? { getRandomValues: webcrypto.getRandomValues.bind(webcrypto) } : webcrypto;
  const window: Record<string, unknown> = {
    document,
    location: { href: `${protocol}//shop.test/pricing?x=1`, protocol },
    crypto,
    console: { warn: (...args: unknown[]) => warnings.push(args) },
    URL,
    AbortController,
    setTimeout: (fn: () => void, ms: number) => {
      const id = nextTimer++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout: (id: number) => {
      const index = timers.findIndex((t) => t.id === id);
      if (index >= 0) timers.splice(index, 1);
    },
    fetch: (url: string, init: RequestInit) => {
      const call = { url, init, body: JSON.parse(String(init.body)) as Record<string, unknown> };
      calls.push(call);
      const respond = options.respond ?? (() => json({ placements: {} }));
      return new Promise((resolve, reject) => {
        init.signal?.addEventListener("abort", () => reject(new Error("aborted")));
        respond(call).then(resolve, reject);
      });
    },
  };
  window.window = window;
  options.preload?.(window);

  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  // The open flow widget (in the body, or in a data-tailor-flow slot) and finders inside it.
  const widget = () => [body, ...flowSlots].flatMap((root) => root.children).find((c) => c.getAttribute("role") === "region") ?? null;
  const inWidget = (match: (el: FakeElement) => boolean) => {
    const root = widget();
    return root ? descendants(root).filter(match) : [];
  };
  const button = (name: string) =>
    inWidget((el) => (el.tagName === "BUTTON" || el.tagName === "A") && (el.getAttribute("aria-label") ?? el.textContent) === name)[0];
  return {
    window,
    placements,
    flowSlots,
    body,
    widget,
    inWidget,
    button,
    heading: () => inWidget((el) => el.tagName === "H2")[0],
    focused: () => focused,
    calls,
    cookies,
    cookieWrites,
    warnings,
    run() {
      vm.runInNewContext(source, vm.createContext(window));
    },
    tailor: () =>
      window.tailor as {
        visitorId: string;
        identify(ids: object): Promise<void>;
        answer(q: string, a: string | string[]): Promise<void>;
        refresh(): Promise<void>;
        on(e: string, fn: (d: unknown) => void): () => void;
        push(call: unknown[]): unknown;
      },
    hidden: () => head.children.some((c) => c.textContent === "[data-tailor-placement]{visibility:hidden!important}"),
    domReady() {
      document.readyState = "complete";
      for (const fn of domListeners.DOMContentLoaded ?? []) fn();
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
    expect(source.length).toBeLessThan(26_000); // about half of it the flow widget and its CSS
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
    expect(call?.body).toEqual({ siteKey: "site_123", visitorId: page.tailor().visitorId, url: "https://shop.test/pricing?x=1", placements: ["hero", "cta"] });
    expect(page.placements.map((p) => p.innerHTML)).toEqual(["<b>Hi founder</b>", "default cta", "<b>Hi founder</b>"]);
    expect(page.placements[0]?.attributes["data-tailor-variant"]).toBe("v1");
    expect(page.hidden()).toBe(false);
    expect(decisions).toHaveLength(1);
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
      expect(errors).toEqual([expect.objectContaining({ action: "decide" })]);
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

  it("applies only the latest of overlapping decisions", async () => {
    const pending: ((html: string) => void)[] = [];
    const page = createPage({
      placements: ["hero"],
      respond: () => new Promise((resolve) => pending.push((html) => resolve(json({ placements: { hero: { html, variant: null } } }) as never))),
    });
    page.run();
    await page.settle(); // the boot decide is now in flight
    const second = (page.window.tailor as { refresh(): Promise<void> }).refresh();
    pending[1]?.("new");
    await second;
    pending[0]?.("stale");
    await page.settle();
    expect(page.placements[0]?.innerHTML).toBe("new");
    expect(page.placements[0]?.attributes).not.toHaveProperty("data-tailor-variant");
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
    expect(errors).toEqual([expect.objectContaining({ action: "decide", message: expect.stringContaining("data-site-key") })]);
  });

  it("is a no-op when included twice", () => {
    const page = createPage({});
    page.run();
    const first = page.tailor();
    page.run();
    expect(page.tailor()).toBe(first);
  });
});
