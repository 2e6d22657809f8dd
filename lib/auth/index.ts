import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type {} from "next-auth/jwt";
import { signInSchema } from "./sign-in-schema";
import { authenticate } from "./authenticate";
import { isRole, type Role } from "./permissions";
import { clientIp } from "@/lib/client-ip";
import { logError } from "@/lib/log";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string } & DefaultSession["user"];
    workspaceId: string;
    role: Role;
  }
  interface User {
    workspaceId?: string;
    role?: Role;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    userId?: string;
    workspaceId?: string;
    role?: Role;
  }
}

export class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}

export class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
}

export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth({
  session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  trustHost: true,
  logger: {
    // A wrong password is an expected outcome, not a server error worth a stack trace.
    error(error) {
      if (error instanceof CredentialsSignin || (error.cause as { err?: unknown } | undefined)?.err instanceof CredentialsSignin) return;
      logError("auth", error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const result = await authenticate(parsed.data.email, parsed.data.password, clientIp(request));
        if (!result.ok) throw result.reason === "throttled" ? new ThrottledSignIn() : new InvalidCredentials();
        return result.user;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user, trigger, session }) {
      if (user?.id) {
        token.userId = user.id;
        token.workspaceId = user.workspaceId;
        token.role = user.role;
      }
      // Workspace switches go through switchWorkspaceAction, which checks the membership first.
      if (trigger === "update" && session && typeof session.workspaceId === "string" && isRole(session.role)) {
        token.workspaceId = session.workspaceId;
        token.role = session.role;
      }
      return token;
    },
    session({ session, token }) {
      if (token.userId) session.user.id = token.userId;
      if (token.workspaceId) session.workspaceId = token.workspaceId;
      if (token.role) session.role = token.role;
      return session;
    },
  },
});
