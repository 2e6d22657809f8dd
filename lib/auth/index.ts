import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type {} from "next-auth/jwt";
import { signInSchema } from "./sign-in-schema";
import { authenticate } from "./authenticate";
import type { Role } from "./permissions";
import { clientIp } from "@/lib/client-ip";
import { logError } from "@/lib/log";
import { findMembership } from "./memberships";
import { createSession, endSession, SESSION_MAX_AGE_S } from "./sessions";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string } & DefaultSession["user"];
    workspaceId: string;
    role: Role;
    /** Server-side session id (auth_sessions); the guard refuses a session whose row is gone. */
    sid?: string;
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
    sid?: string;
  }
}

export class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}

export class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
}

export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth({
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
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
      credentials: { email: {}, password: {}, workspaceId: {} },
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const workspaceId = typeof raw.workspaceId === "string" ? raw.workspaceId : undefined;
        const result = await authenticate(parsed.data.email, parsed.data.password, clientIp(request), workspaceId);
        if (!result.ok) throw result.reason === "throttled" ? new ThrottledSignIn() : new InvalidCredentials();
        return result.user;
      },
    }),
  ],
  events: {
    // Sign-out deletes the server-side row, so a copy of the cookie is worthless afterwards.
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (sid) await endSession(sid);
    },
  },
  callbacks: {
    async jwt({ token, user, trigger, session }) {
      if (user?.id) {
        token.userId = user.id;
        token.workspaceId = user.workspaceId;
        token.role = user.role;
        token.sid = await createSession(user.id);
      }
      // `session` here is whatever the client sent: switch only to a workspace the user belongs to,
      // and take the role from the database, never from the request.
      if (trigger === "update" && token.userId && session && typeof session.workspaceId === "string") {
        const membership = await findMembership(session.workspaceId, token.userId);
        if (membership) {
          token.workspaceId = membership.workspaceId;
          token.role = membership.role;
        }
      }
      return token;
    },
    session({ session, token }) {
      if (token.userId) session.user.id = token.userId;
      if (token.workspaceId) session.workspaceId = token.workspaceId;
      if (token.role) session.role = token.role;
      if (token.sid) session.sid = token.sid;
      return session;
    },
  },
});
