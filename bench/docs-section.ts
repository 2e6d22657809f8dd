import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Replaces (or appends) the section `title` of docs/performance.md, between its bench markers. */
export function writePerformanceSection(title: string, body: string) {
  const file = path.join("docs", "performance.md");
  const current = existsSync(file) ? readFileSync(file, "utf8") : "# Performance\n\nFigures from the benchmarks under `bench/`, each measured against a baseline in the same run.\n";
  const start = `<!-- bench:${title} -->`;
  const end = `<!-- /bench:${title} -->`;
  const section = `${start}\n## ${title}\n\n${body}\n${end}`;
  const pattern = new RegExp(`${start}[\\s\\S]*?${end}`);
  writeFileSync(file, pattern.test(current) ? current.replace(pattern, () => section) : `${current.trimEnd()}\n\n${section}\n`);
}
