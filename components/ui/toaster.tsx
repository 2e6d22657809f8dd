"use client";

import { CheckCircle2, AlertCircle, X } from "lucide-react";
import { useSyncExternalStore } from "react";

// Short confirmations ("Saved (draft)") and failures after an action. The list lives outside React so
// any client code can call toast.success()/toast.error(); the Toaster in the root layout shows it in a
// live region that exists from the first paint, so screen readers announce each new message.

type Toast = { id: number; tone: "success" | "error"; message: string; description?: string };
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
      {shown.map((t) => (
        <div
          key={t.id}
          className={
            t.tone === "success"
              ? "pointer-events-auto flex items-start gap-2 rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900 shadow-lg"
              : "pointer-events-auto flex items-start gap-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900 shadow-lg"
          }
        >
          {t.tone === "success" ? <CheckCircle2 className="mt-0.5 size-4 shrink-0" aria-hidden /> : <AlertCircle className="mt-0.5 size-4 shrink-0" aria-hidden />}
          <div className="min-w-0 flex-1">
            <p className="font-medium">{t.message}</p>
            {t.description ? <p className="mt-0.5 opacity-90">{t.description}</p> : null}
          </div>
          <button type="button" className="rounded p-0.5 opacity-70 hover:opacity-100" aria-label="Dismiss message" onClick={() => dismiss(t.id)}>
            <X className="size-4" aria-hidden />
          </button>
        </div>
      ))}
    </section>
  );
}
