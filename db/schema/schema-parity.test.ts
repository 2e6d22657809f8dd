import { describe, expect, it } from "vitest";
import { getTableConfig as pgConfig, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import * as pgCore from "./pg";
import * as pgRuntime from "./runtime-pg";
import * as pgSync from "./sync-pg";
import * as pgFlows from "./flows-pg";
import * as pgAccounts from "./accounts-pg";
import * as pgHealth from "./health-pg";
import * as pgNotifyPrefs from "./notify-prefs-pg";
import * as sqliteCore from "./sqlite";
import * as sqliteRuntime from "./runtime-sqlite";
import * as sqliteSync from "./sync-sqlite";
import * as sqliteFlows from "./flows-sqlite";
import * as sqliteAccounts from "./accounts-sqlite";
import * as pgIdentity from "./identity-pg";
import * as sqliteIdentity from "./identity-sqlite";
import * as sqliteHealth from "./health-sqlite";
import * as sqliteNotifyPrefs from "./notify-prefs-sqlite";
import * as pgBehavior from "./behavior-pg";
import * as sqliteBehavior from "./behavior-sqlite";
import * as pgAnalytics from "./analytics-pg";
import * as sqliteAnalytics from "./analytics-sqlite";

const pg = { ...pgCore, ...pgRuntime, ...pgSync, ...pgFlows, ...pgAccounts, ...pgIdentity, ...pgHealth, ...pgNotifyPrefs, ...pgBehavior, ...pgAnalytics };
const sqlite = { ...sqliteCore, ...sqliteRuntime, ...sqliteSync, ...sqliteFlows, ...sqliteAccounts, ...sqliteIdentity, ...sqliteHealth, ...sqliteNotifyPrefs, ...sqliteBehavior, ...sqliteAnalytics };

// The two dialects must describe the same tables, so queries written once run on both.
type Shape = {
  name: string;
  columns: Record<string, { notNull: boolean; primary: boolean; hasDefault: boolean; jsType: string }>;
  indexes: string[];
  foreignKeys: string[];
};

function jsType(dataType: string, columnType: string): string {
  if (columnType.includes("Timestamp")) return "date";
  if (columnType.includes("Json") || columnType.includes("TextJson")) return "json";
  return dataType;
}

function shapeOf(config: ReturnType<typeof pgConfig> | ReturnType<typeof sqliteConfig>): Shape {
  const columns: Shape["columns"] = {};
  for (const c of config.columns) {
    columns[c.name] = { notNull: c.notNull, primary: c.primary, hasDefault: c.hasDefault, jsType: jsType(c.dataType, c.columnType) };
  }
  return {
    name: config.name,
    columns,
    indexes: config.indexes.map((i) => i.config.name ?? "").sort(),
    foreignKeys: config.foreignKeys
      .map((fk) => {
        const ref = fk.reference();
        return `${ref.columns.map((c) => c.name).join(",")}->${ref.foreignColumns.map((c) => c.name).join(",")}:${fk.onDelete}`;
      })
      .sort(),
  };
}

const pgTables = Object.entries(pg).filter(([, v]) => v instanceof PgTable) as [string, PgTable][];
const sqliteTables = Object.entries(sqlite).filter(([, v]) => v instanceof SQLiteTable) as [string, SQLiteTable][];

describe("schema parity (db/schema/*pg.ts vs db/schema/*sqlite.ts)", () => {
  it("exports the same tables", () => {
    expect(pgTables.map(([k]) => k).sort()).toEqual(sqliteTables.map(([k]) => k).sort());
    expect(pgTables.length).toBeGreaterThan(0);
  });

  for (const [exportName, pgTable] of pgTables) {
    it(`${exportName}: same columns, types, nullability, indexes and foreign keys`, () => {
      const sqliteTable = sqlite[exportName as keyof typeof sqlite] as SQLiteTable;
      expect(shapeOf(sqliteConfig(sqliteTable))).toEqual(shapeOf(pgConfig(pgTable)));
    });
  }
});
