/** The demo accounts' password (db/seed.ts); kept apart so e2e can read it without loading the database client. */
export const DEMO_PASSWORD = "tailor-demo";
