/**
 * Summarises a V8 .cpuprofile (what `npm run bench -- --profile` writes): the hottest functions by
 * self time and by inclusive time (the function and everything it called), as % of busy samples.
 * Usage: npx tsx bench/profile-summary.ts FILE.cpuprofile [--top N] [--match TEXT] [--last SECONDS]
 * (--match keeps only functions whose name or file contains TEXT, e.g. --match lib/; --last keeps
 * the profile's last seconds.)
 */
import { readFileSync } from "node:fs";

type CallFrame = { functionName: string; url: string; lineNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
export type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas?: number[]; startTime?: number; endTime?: number };
export type SummaryOptions = { top?: number; match?: string; lastSeconds?: number };
export type ProfileLine = { name: string; samples: number; percent: number };
export type ProfileSummary = { busy: number; total: number; self: ProfileLine[]; inclusive: ProfileLine[]; areas: ProfileLine[] };

const IDLE = new Set(["(idle)", "(program)"]);

/** Where a sample's own time went: the socket write, GC, a package, Tailor's code or Node's internals. */
function area(frame: CallFrame): string {
  const { url, functionName: name } = frame;
  if (name === "writev" || name === "writeUtf8String" || name === "writeBuffer") return "socket write (the syscall)";
  if (name === "(garbage collector)") return "GC";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return `package ${pkg[1]}`;
  if (/\/(lib|db)\//.test(url)) return "Tailor (lib/, db/)";
  if (url.startsWith("node:")) return "Node internals (HTTP parser, streams, events, timers)";
  return "other (microtask queue, natives)";
}

function label(frame: CallFrame): string {
  const where = frame.url ? `${frame.url.replace(/^.*\/(node_modules\/)/, "$1").replace(`file://${process.cwd()}/`, "").replace(process.cwd(), ".")}:${frame.lineNumber + 1}` : "";
  return `${frame.functionName || "(anonymous)"} ${where}`.trim();
}

/**
 * Self and inclusive samples per function (a recursive function counts once per sample);
 * `lastSeconds` keeps only the samples of the profile's last seconds.
 */
export function summarizeProfile(profile: CpuProfile, { top = 40, match, lastSeconds }: SummaryOptions = {}): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const areas = new Map<string, number>();
  let busy = 0;
  let kept = 0;
  const deltas = profile.timeDeltas ?? [];
  let at = profile.startTime ?? 0;
  const from = lastSeconds && profile.endTime ? profile.endTime - lastSeconds * 1e6 : -Infinity;
  for (const [i, id] of profile.samples.entries()) {
    at += deltas[i] ?? 0;
    if (at < from) continue;
    kept += 1;
    const node = byId.get(id);
    if (!node || IDLE.has(node.callFrame.functionName)) continue;
    busy += 1;
    const name = label(node.callFrame);
    self.set(name, (self.get(name) ?? 0) + 1);
    const where = area(node.callFrame);
    areas.set(where, (areas.get(where) ?? 0) + 1);
    const seen = new Set<string>();
    for (let up: number | undefined = id; up !== undefined; up = parent.get(up)) {
      const frame = byId.get(up)!.callFrame;
      if (frame.functionName === "(root)") break;
      const key = label(frame);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + 1);
    }
  }
  const lines = (counts: Map<string, number>) =>
    [...counts.entries()]
      .filter(([name]) => !match || name.includes(match))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, samples]) => ({ name, samples, percent: busy ? (100 * samples) / busy : 0 }));
  const byArea = [...areas.entries()].sort((a, b) => b[1] - a[1]).map(([name, samples]) => ({ name, samples, percent: busy ? (100 * samples) / busy : 0 }));
  return { busy, total: kept, self: lines(self), inclusive: lines(inclusive), areas: byArea };
}

export function formatSummary(summary: ProfileSummary): string {
  const rows = (list: ProfileLine[]) => list.map((l) => `${l.percent.toFixed(1).padStart(5)} %  ${l.name}`).join("\n");
  return [
    `${summary.busy} busy samples of ${summary.total}`,
    "self time by area (% of busy):",
    rows(summary.areas.slice(0, 12)),
    "self time (% of busy):",
    rows(summary.self),
    "inclusive time (% of busy):",
    rows(summary.inclusive),
  ].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const file = argv.find((a) => a.endsWith(".cpuprofile"));
  if (!file) {
    console.error("usage: npx tsx bench/profile-summary.ts FILE.cpuprofile [--top N] [--match TEXT]");
    process.exit(2);
  }
  const option = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const last = option("--last");
  console.log(formatSummary(summarizeProfile(profile, { top: Number(option("--top") ?? 40), match: option("--match"), lastSeconds: last ? Number(last) : undefined })));
}
