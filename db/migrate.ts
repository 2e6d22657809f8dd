import { closeDb, databaseUrl, dialect } from "./client";
import { migrateDatabase } from "./migrate-db";
import { redactUrl } from "@/lib/redact";

await migrateDatabase();
console.log(`Migrated ${dialect} database ${redactUrl(databaseUrl())}`);
await closeDb();
