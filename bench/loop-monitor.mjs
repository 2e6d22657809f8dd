// `npm run bench -- --loop` preloads this into the runtime server: every 5 s it prints (stderr) the
// event loop's delay (p50, p99, max) and the GC pauses of those 5 s, the usual causes of a p99
// well above the median (a pause delays every request in flight). Bench-only; not used in production.
import { monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";

const delay = monitorEventLoopDelay({ resolution: 1 });
delay.enable();
const KINDS = { 1: "scavenge", 2: "minor mark-sweep", 4: "mark-sweep-compact", 8: "incremental", 16: "weak callbacks" };
let pauses = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) pauses.push(entry);
}).observe({ entryTypes: ["gc"] });
setInterval(() => {
  const ms = (ns) => (ns / 1e6).toFixed(1);
  const total = pauses.reduce((sum, p) => sum + p.duration, 0);
  const byKind = new Map();
  for (const p of pauses) byKind.set(KINDS[p.detail?.kind] ?? "other", (byKind.get(KINDS[p.detail?.kind] ?? "other") ?? 0) + 1);
  const longest = pauses.reduce((max, p) => Math.max(max, p.duration), 0);
  process.stderr.write(
    `[runtime loop] delay p50 ${ms(delay.percentile(50))} p99 ${ms(delay.percentile(99))} max ${ms(delay.max)} ms · ` +
      `GC ${pauses.length} pauses (${[...byKind].map(([k, n]) => `${n} ${k}`).join(", ") || "none"}), ${total.toFixed(0)} ms in all, longest ${longest.toFixed(1)} ms\n`,
  );
  delay.reset();
  pauses = [];
}, 5_000).unref();
