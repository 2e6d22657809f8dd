import path from "node:path";

export const demoUsers = {
  owner: "owner@acme.test",
  admin: "admin@acme.test",
  marketer: "marketer@acme.test",
  support: "support@acme.test",
  globexOwner: "owner@globex.test",
} as const;

export type DemoUser = keyof typeof demoUsers;

export function storageStateOf(user: DemoUser): string {
  return path.join("e2e", ".auth", `${user}.json`);
}
