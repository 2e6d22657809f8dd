"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogTitle } from "@/components/ui/dialog";

type Pending = { kind: "link"; href: string } | { kind: "back" };

/** The link a click would follow inside the app, or null (new tab, download, other site, same page). */
function inAppHref(event: MouseEvent): string | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const anchor = event.target instanceof Element ? event.target.closest("a[href]") : null;
  if (!(anchor instanceof HTMLAnchorElement) || anchor.hasAttribute("download") || (anchor.target && anchor.target !== "_self")) return null;
  const url = new URL(anchor.href, window.location.href);
  if (url.origin !== window.location.origin) return null;
  if (url.pathname === window.location.pathname && url.search === window.location.search) return null; // an anchor on this page
  return url.pathname + url.search + url.hash;
}

/**
 * Asks before edits are lost: closing or reloading the tab (the browser's own prompt), following a
 * link in the app, or going back. The App Router has no route-change event, so link clicks are caught
 * on the document before Next's Link sees them, and Back is caught with a same-URL history entry
 * pushed while there are edits. Mount one per editor with `when` = the form has unsaved edits.
 */
export function UnsavedChangesGuard({ when }: { when: boolean }) {
  const router = useRouter();
  const [pending, setPending] = useState<Pending | null>(null);
  const armed = useRef(false);
  const leaving = useRef(false);

  useEffect(() => {
    if (!when) return;
    leaving.current = false;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (leaving.current) return;
      e.preventDefault();
      e.returnValue = ""; // older browsers show their prompt only with returnValue set
    };
    const onClick = (e: MouseEvent) => {
      const href = inAppHref(e);
      if (href === null || leaving.current) return;
      e.preventDefault();
      e.stopImmediatePropagation(); // neither Next's Link nor a second guard on the page sees it
      setPending({ kind: "link", href });
    };
    // Back lands on the same-URL entry pushed below (Next shows the same page); ask, then really go back or re-arm.
    const onPopState = () => {
      if (leaving.current || !armed.current) return;
      armed.current = false;
      setPending({ kind: "back" });
    };
    if (!armed.current) {
      window.history.pushState(window.history.state, "", window.location.href);
      armed.current = true;
    }
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    window.addEventListener("popstate", onPopState);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
      window.removeEventListener("popstate", onPopState);
    };
  }, [when]);

  function stay() {
    if (pending?.kind === "back" && !armed.current) {
      window.history.pushState(window.history.state, "", window.location.href);
      armed.current = true;
    }
    setPending(null);
  }

  function leave() {
    if (!pending) return;
    leaving.current = true;
    setPending(null);
    if (pending.kind === "link") router.push(pending.href);
    else window.history.back();
  }

  return (
    <Dialog open={pending !== null} onOpenChange={(open) => (open ? undefined : stay())}>
      <DialogContent role="alertdialog">
        <DialogTitle>Leave without saving?</DialogTitle>
        <DialogDescription>Your edits on this page are not saved yet. If you leave, they are lost.</DialogDescription>
        <DialogFooter>
          <Button type="button" variant="secondary" onClick={leave}>
            Leave without saving
          </Button>
          <Button type="button" onClick={stay} autoFocus>
            Stay on this page
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
