"use server";

import { after } from "next/server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction, definePublicAction } from "@/lib/action";
import { sendMail } from "@/lib/mail";
import { endAllSessions } from "./sessions";
import { signOut } from "./index";
import { forgotPasswordSchema, resetPasswordSchema } from "./account-schema";
import { requestPasswordReset, resetPassword } from "./password-reset";

/** Same answer whether or not the account exists; the mail goes out after the response. */
export const forgotPasswordAction = definePublicAction({
  name: "forgotPassword",
  schema: forgotPasswordSchema,
  run: async (input) => {
    const mail = await requestPasswordReset(input.email);
    if (mail) after(() => sendMail(mail));
    return { email: input.email };
  },
});

export const resetPasswordAction = definePublicAction({
  name: "resetPassword",
  schema: resetPasswordSchema,
  run: async (input) => {
    await resetPassword(input.token, input.password);
    redirect("/sign-in?reset=1");
  },
});

/** "Sign out everywhere": every session of this account, on every device, this one included. */
export const signOutEverywhereAction = defineAction({
  name: "signOutEverywhere",
  schema: z.object({}),
  capability: "workspace:read",
  run: async (_input, ctx) => {
    await endAllSessions(ctx.userId);
    await signOut({ redirectTo: "/sign-in" });
  },
});
