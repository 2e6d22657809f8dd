import { z } from "zod";

// Deliberately loose: sign-in must not reveal password rules, and a typo'd email gets the same answer.
export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, "Enter your email.").max(254),
  password: z.string().min(1, "Enter your password.").max(200),
});
export type SignInInput = z.input<typeof signInSchema>;
