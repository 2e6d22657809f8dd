"use client";

import { lazy, memo, Suspense, useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type ComponentType, type KeyboardEvent, type ReactNode, type SyntheticEvent } from "react";
import { flushSync } from "react-dom";

/**
 * A client component whose JavaScript loads on the first interaction with it, not with the page.
 *
 * The server renders it as usual, so the page arrives whole (fields filled, buttons in place). In the
 * browser that HTML stays as it is, inert, until someone hovers, touches, focuses or presses a key in
 * it; then the component's chunk loads and the component replaces the HTML with the same markup, now
 * live, in one commit (a value set without any of those, as a script or an autofill does, counts too).
 * What happened in between is carried over:
 *   - text typed and options chosen, put into the same fields and reported as input, so forms see them
 *     (react-hook-form writes its default values into the fields it registers);
 *   - which field had focus, and its selection;
 *   - clicks on buttons: held, and replayed on the same buttons once live, one task apart (a double click
 *     on a submit button submits once, as when live); Enter in a field: held, and replayed as the browser
 *     would once live (the form's submit button, which the inert HTML may still show disabled, is clicked);
 *     a form never submits natively;
 *   - focus on a button or a link: moved to the same element once live;
 *   - a press in progress when the chunk arrives (mouse or key down): the swap waits for its end, else the
 *     browser's click (dispatched on release, on the element the press began on) would be lost;
 *   - a chunk that fails to load: the next interaction tries again (what was held is dropped);
 *   - links navigate natively; checkboxes and radios toggle natively and are carried over like text.
 * Rendered on a client-side navigation (no server HTML), it loads at once behind `fallback`.
 *
 * The inert HTML is kept with `dangerouslySetInnerHTML` set to exactly what the server sent, which
 * React hydrates without touching. Fields are matched by their position in the markup, and must agree
 * on tag, type and name, so a component that renders differently once live only loses the carry-over.
 */
export function interactionIsland<P extends object>(
  load: () => Promise<ComponentType<P>>,
  { fallback = <p role="status" className="py-4 text-sm text-zinc-500">Loading…</p> }: { fallback?: ReactNode } = {},
): ComponentType<P> {
  let loading: Promise<ComponentType<P>> | null = null;
  const loadOnce = () => (loading ??= load());
  // Server rendering and client-side navigations render through this; hydration never does.
  const Lazy = lazy(() => loadOnce().then((component) => ({ default: component })));

  function Island(props: P) {
    const id = useId();
    // The server's HTML for this id is on the page only while hydrating; a client render's ids never match it.
    const [serverHtml] = useState(() => (typeof document === "undefined" ? null : (document.getElementById(id)?.innerHTML ?? null)));
    const [live, setLive] = useState<{ Component: ComponentType<P>; carried: Carried } | null>(null);
    const root = useRef<HTMLDivElement>(null);
    const held = useRef<Held>({ activating: false, clicks: [], submits: [], pressing: false, afterPress: null });
    const [firstProps] = useState(props);

    const press = useCallback(() => {
      held.current.pressing = true;
    }, []);
    /** The press ended: a swap that waited for it runs after this task (the click, if any, is dispatched in it). */
    const release = useCallback(() => {
      held.current.pressing = false;
      const swap = held.current.afterPress;
      held.current.afterPress = null;
      if (swap) setTimeout(swap, 0);
    }, []);

    const activate = useCallback(() => {
      if (held.current.activating) return;
      held.current.activating = true;
      // Read the inert HTML and commit the live component in one task, so no keystroke falls in between.
      void loadOnce().then(
        (Component) => {
          const swap = () => flushSync(() => setLive({ Component, carried: carry(root.current, held.current) }));
          // Mid-press (a button held down, a key not yet released): the browser clicks when the press ends, on the
          // element it started on, so swap after that click (held by then) rather than lose it. At most a second.
          if (!held.current.pressing) return swap();
          held.current.afterPress = swap;
          setTimeout(() => held.current.afterPress === swap && release(), 1_000);
        },
        (error: unknown) => {
          // The chunk didn't arrive (network, a new deployment): the next interaction tries again; what was held is dropped.
          loading = null;
          held.current = { activating: false, clicks: [], submits: [], pressing: false, afterPress: null };
          console.error(error);
        },
      );
    }, [release]);

    // New props before the component is live (a refresh changed its data): the inert HTML is out of date.
    useEffect(() => {
      if (serverHtml !== null && props !== firstProps) activate();
    }, [serverHtml, props, firstProps, activate]);

    if (serverHtml === null) {
      return (
        <div id={id} className="contents" data-island="">
          <Suspense fallback={fallback}>
            <Lazy {...props} />
          </Suspense>
        </div>
      );
    }
    if (live) {
      return (
        <div key="live" id={id} className="contents">
          <live.Component {...props} />
          <CarryOver root={id} carried={live.carried} />
        </div>
      );
    }

    const hold = (event: SyntheticEvent) => {
      activate();
      const target = event.target as Element;
      if (event.type === "submit") {
        event.preventDefault();
        held.current.submits.push(target);
        return;
      }
      // Links navigate natively; checkboxes and radios toggle natively (a label forwards its click to its control).
      if (target.closest("a[href], label") || isToggle(target)) return;
      event.preventDefault();
      const clicked = target instanceof HTMLElement ? target : target.closest("svg")?.parentElement;
      if (clicked) held.current.clicks.push(clicked);
    };
    // Enter in a field submits its form the way the browser would once live: the inert HTML may still have the
    // submit button disabled (enabled by the form's state once it sees the typing), which would drop the Enter.
    const holdEnter = (event: KeyboardEvent) => {
      press();
      activate();
      const target = event.target;
      if (event.key !== "Enter" || event.nativeEvent.isComposing || event.defaultPrevented) return;
      if (!(target instanceof HTMLInputElement) || !target.form || /^(button|submit|reset|image|file)$/.test(target.type)) return;
      event.preventDefault();
      held.current.submits.push(target.form);
    };
    return (
      <div
        key="inert"
        id={id}
        data-island=""
        ref={root}
        className="contents"
        dangerouslySetInnerHTML={{ __html: serverHtml }}
        onPointerOverCapture={activate}
        onPointerDownCapture={() => {
          press();
          activate();
        }}
        onPointerUpCapture={release}
        onPointerCancelCapture={release}
        onKeyUpCapture={release}
        onTouchStartCapture={activate}
        onFocusCapture={activate}
        onKeyDownCapture={holdEnter}
        onInputCapture={activate}
        onChangeCapture={activate}
        onClickCapture={hold}
        onSubmitCapture={hold}
      />
    );
  }
  Island.displayName = "InteractionIsland";
  // A parent re-render with equal props (a refresh whose data didn't change) leaves the island as it is.
  return memo(Island, deepEqual) as unknown as ComponentType<P>;
}

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
type Held = { activating: boolean; clicks: Element[]; submits: Element[]; pressing: boolean; afterPress: (() => void) | null };
/** What the inert HTML held when the live component took over, by position in the markup. */
type Carried = {
  changed: { index: number; tag: string; name: string; type: string; value: string; checked: boolean }[];
  focus: { index: number; start: number | null; end: number | null } | null;
  /** Elements to click, then forms to submit (as Enter in one of their fields would). */
  clicks: number[][];
  submits: number[][];
  /** Focus on something other than a field (a button, a link): its path. */
  focusPath: { path: number[]; tag: string } | null;
};

function isToggle(el: Element): el is HTMLInputElement {
  return el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio");
}

function controlsIn(root: Element): Control[] {
  return Array.from(root.querySelectorAll<Control>("input, textarea, select"));
}

function changedFromHtml(el: Control): boolean {
  if (isToggle(el)) return el.checked !== el.defaultChecked;
  if (el instanceof HTMLSelectElement) return Array.from(el.options).some((option) => option.selected !== option.defaultSelected);
  if (el instanceof HTMLInputElement && el.type === "file") return false;
  return el.value !== el.defaultValue;
}

/** The child indices from `root` down to `el`. */
function pathTo(root: Element, el: Element): number[] | null {
  const path: number[] = [];
  for (let node: Element | null = el; node && node !== root; node = node.parentElement) {
    if (!node.parentElement) return null;
    path.unshift(Array.prototype.indexOf.call(node.parentElement.children, node));
  }
  return path;
}

function atPath(root: Element, path: number[]): Element | null {
  let node: Element | null = root;
  for (const index of path) node = node?.children[index] ?? null;
  return node;
}

function carry(root: HTMLElement | null, held: Held): Carried {
  const carried: Carried = { changed: [], focus: null, clicks: [], submits: [], focusPath: null };
  if (!root) return carried;
  controlsIn(root).forEach((el, index) => {
    if (changedFromHtml(el)) {
      carried.changed.push({ index, tag: el.tagName, name: el.name, type: el.type, value: el.value, checked: isToggle(el) && el.checked });
    }
    if (el === document.activeElement) {
      const text = el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && /^(text|search|url|tel|email|password|)$/.test(el.type));
      carried.focus = { index, start: text ? el.selectionStart : null, end: text ? el.selectionEnd : null };
    }
  });
  for (const el of held.clicks) {
    const path = pathTo(root, el);
    if (path) carried.clicks.push(path);
  }
  for (const form of held.submits) {
    const path = pathTo(root, form);
    if (path) carried.submits.push(path);
  }
  const focused = document.activeElement;
  if (!carried.focus && focused && focused !== root && root.contains(focused)) {
    const path = pathTo(root, focused);
    if (path) carried.focusPath = { path, tag: focused.tagName };
  }
  return carried;
}

/** Last in the live tree, so its layout effect runs after the component's own (react-hook-form registers its fields). */
function CarryOver({ root: rootId, carried }: { root: string; carried: Carried }) {
  useLayoutEffect(() => {
    const root = document.getElementById(rootId);
    if (!root) return;
    const controls = controlsIn(root);
    for (const was of carried.changed) {
      const el = controls[was.index];
      if (!el || el.tagName !== was.tag || el.name !== was.name || el.type !== was.type) continue;
      if (isToggle(el)) {
        // Clicking makes React and the form see the change: a chosen radio is chosen again, a checkbox flips.
        if (el.checked !== was.checked && (el.type === "checkbox" || was.checked)) el.click();
      } else if (el.value !== was.value) {
        setNativeValue(el, was.value);
        el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? "change" : "input", { bubbles: true }));
      }
    }
    if (carried.focus) {
      const el = controls[carried.focus.index];
      el?.focus({ preventScroll: true });
      if (el && carried.focus.start !== null && "setSelectionRange" in el) {
        try {
          el.setSelectionRange(carried.focus.start, carried.focus.end);
        } catch {
          // not a text field after all
        }
      }
    }
    if (carried.focusPath) {
      const el = atPath(root, carried.focusPath.path);
      if ((el instanceof HTMLElement || el instanceof SVGElement) && el.tagName === carried.focusPath.tag) el.focus({ preventScroll: true });
    }
    // After this commit, so state set by the carried-over input is in place; one task each, so what a click
    // renders (a submit button disabled while its form submits) is in place for the next, as with real clicks.
    const clicks = carried.clicks.map((path) => atPath(root, path));
    const submits = carried.submits.map((path) => atPath(root, path));
    const replay = () => {
      if (clicks.length > 0) {
        const el = clicks.shift();
        if (el instanceof HTMLElement && el.isConnected) el.click();
      } else {
        const form = submits.shift();
        if (!form) return;
        if (form instanceof HTMLFormElement && form.isConnected) submitImplicitly(form);
      }
      setTimeout(replay, 0);
    };
    if (clicks.length > 0 || submits.length > 0) setTimeout(replay, 0);
  }, [rootId, carried]);
  return null;
}

/** Enter in a field: the form's default button is clicked (nothing if it is disabled), or the form submits if it has none. */
function submitImplicitly(form: HTMLFormElement) {
  const button = Array.from(form.elements).find((el): el is HTMLButtonElement | HTMLInputElement => (el instanceof HTMLButtonElement || el instanceof HTMLInputElement) && (el.type === "submit" || el.type === "image"));
  if (button) {
    if (!button.disabled) button.click();
  } else form.requestSubmit();
}

/** Sets a control's value the way typing does, so React's change tracking sees the change. */
function setNativeValue(el: Control, value: string) {
  const prototype = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, "value")?.set?.call(el, value);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every((key) => Object.prototype.hasOwnProperty.call(b, key) && deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
