"use server";

import { AuthError } from "next-auth";
import { signIn, ThrottledSignIn } from "@/lib/auth";
import { signInSchema, type SignInInput } from "@/lib/auth/sign-in-schema";

export type SignInResult = { ok: false; message: string };

export async function signInAction(input: SignInInput, next: string): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: "Enter your email and password." };
  const redirectTo = next.startsWith("/") && !next.startsWith("//") ? next : "/overview";
  try {
    await signIn("credentials", { ...parsed.data, redirectTo });
  } catch (error) {
    if (error instanceof ThrottledSignIn || (error instanceof AuthError && "code" in error && error.code === "throttled")) {
      return { ok: false, message: "Too many failed attempts from this device. Wait a moment, then try again." };
    }
    if (error instanceof AuthError) return { ok: false, message: "Email or password is incorrect." };
    throw error; // the redirect on success
  }
  return { ok: false, message: "Email or password is incorrect." };
}
