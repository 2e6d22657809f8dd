"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { Select } from "@/components/ui/select";
import { toast } from "@/components/ui/toaster";
import { setNotificationEmailAction } from "@/lib/notifications/actions";
import { EMAIL_PREFERENCE_LABELS, isEmailPreference } from "@/lib/notifications/email-preference";
import type { EmailPreferenceInput } from "@/lib/notifications/schema";

/** Owners and admins choose how notifications reach them by email; it saves on change. */
export function EmailPreference({ value, mailConfigured }: { value: EmailPreferenceInput["preference"]; mailConfigured: boolean }) {
  const id = useId();
  const router = useRouter();
  const [current, setCurrent] = useState(value);
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex flex-wrap items-center gap-3">
      <label htmlFor={id} className="text-sm font-medium">
        Email me
      </label>
      <div className="w-44">
        <Select
          id={id}
          value={current}
          disabled={pending}
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            const preference = e.target.value;
            if (!isEmailPreference(preference)) return;
            const previous = current;
            setCurrent(preference);
            startTransition(async () => {
              const result = await setNotificationEmailAction({ preference });
              if (!result.ok) {
                setCurrent(previous);
                toast.error(result.message);
                return;
              }
              toast.success("Email preference saved");
              router.refresh();
            });
          }}
        >
          {Object.entries(EMAIL_PREFERENCE_LABELS).map(([key, label]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </Select>
      </div>
      <p id={`${id}-hint`} className="text-xs text-zinc-500">
        {mailConfigured ? "Sent to your account's address." : "Email is not configured on this server (SMTP_URL); nothing is sent until it is."}
      </p>
    </div>
  );
}
