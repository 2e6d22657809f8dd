"use client";

import { AlertCircle, CheckCircle2, X } from "lucide-react";
import type { Toast } from "./toaster";

/** The Toaster's messages (components/ui/toaster.tsx), rendered inside its live region. */
export function ToastItems({ toasts, onDismiss }: { toasts: Toast[]; onDismiss: (id: number) => void }) {
  return (
    <>
      {toasts.map((t) => (
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
          <button type="button" className="rounded p-0.5 opacity-70 hover:opacity-100" aria-label="Dismiss message" onClick={() => onDismiss(t.id)}>
            <X className="size-4" aria-hidden />
          </button>
        </div>
      ))}
    </>
  );
}
