"use client";

import { lazy, Suspense, useSyncExternalStore } from "react";

// The messages' markup loads with the first message: the live region itself is on every page from the first paint.
const ToastItems = lazy(() => import("./toast-items").then((m) => ({ default: m.ToastItems })));

// Short confirmations ("Saved (draft)") and failures after an action. The list lives outside React so
// any client code can call toast.success()/toast.error(); the Toaster in the root layout shows it in a
// live region that exists from the first paint, so screen readers announce each new message.

export type Toast = { id: number; tone: "success" | "error"; message: string; description?: string };
type ToastOptions = { description?: string };

const VISIBLE_MS = { success: 4000, error: 8000 };
const MAX_SHOWN = 3;
let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const none: Toast[] = [];

function emit() {
  for (const listener of listeners) listener();
}

function dismiss(id: number) {
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

function show(tone: Toast["tone"], message: string, options: ToastOptions = {}) {
  const id = nextId++;
  toasts = [...toasts, { id, tone, message, description: options.description }].slice(-MAX_SHOWN);
  emit();
  setTimeout(() => dismiss(id), VISIBLE_MS[tone]);
}

export const toast = {
  success: (message: string, options?: ToastOptions) => show("success", message, options),
  error: (message: string, options?: ToastOptions) => show("error", message, options),
};

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function Toaster() {
  const shown = useSyncExternalStore(
    subscribe,
    () => toasts,
    () => none,
  );
  return (
    <section aria-label="Messages" aria-live="polite" aria-relevant="additions text" data-toaster className="pointer-events-none fixed right-4 top-4 z-[60] flex w-96 max-w-[calc(100%-2rem)] flex-col gap-2">
      {shown.length > 0 ? (
        <Suspense fallback={null}>
          <ToastItems toasts={shown} onDismiss={dismiss} />
        </Suspense>
      ) : null}
    </section>
  );
}
