/**
 * `npx tsx --conditions=react-server bench/sync-pacing-sim.ts` — the sync pacer alone, simulated:
 * the real planSlot / applyObservation (lib/sync/pacing.ts) against the emulator's RateLimiter, on
 * a virtual clock (no database, no CPU limits). Job i reserves its slot once job i − DEPTH has been
 * answered (DEPTH = jobs in flight), answers take 5 ms. Prints the achieved share of the limit, the
 * 429s and the gaps over 1.5 slot intervals: the ceiling `npm run bench:sync` can reach.
 * Env: T (target, 0.95), D (jobs in flight, 4), C (cold interval ms, 20), N (requests, 4000), L (limit per 10 s, 167).
 */
import { RateLimiter } from "@/emulator/rate-limit";
import { applyObservation, planSlot, type RateRow } from "@/lib/sync/pacing";

const target = Number(process.env.T ?? 0.95);
const DEPTH = Number(process.env.D ?? 4);
const N = Number(process.env.N ?? 4000);
const LIMIT = Number(process.env.L ?? 167);
const WINDOW = 10_000;
const config = { target, windowMs: WINDOW, coldIntervalMs: Number(process.env.C ?? 20) };

let row: RateRow = { limit: null, remaining: null, resetAt: null, nextSlotAt: new Date(0) };
const limiter = new RateLimiter(WINDOW);
const start = 1_000_000_123;
const sent: number[] = [];
const answers: { at: number; info: { limit: number; remaining: number; resetAt: Date } }[] = [];
let limited = 0;
for (let i = 0; i < N; i++) {
  const reserveAt = i < DEPTH ? start : sent[i - DEPTH]! + 5 + 3;
  answers.sort((a, b) => a.at - b.at);
  while (answers.length > 0 && answers[0]!.at <= reserveAt) row = { ...row, ...applyObservation(row, answers.shift()!.info, config) };
  const plan = planSlot(row, reserveAt, config);
  row = { ...row, ...plan.next };
  const verdict = limiter.hit("workspace", LIMIT, plan.slot);
  if (verdict.limited) limited++;
  sent.push(plan.slot);
  answers.push({ at: plan.slot + 5, info: { limit: LIMIT, remaining: verdict.remaining, resetAt: new Date(verdict.reset * 1000) } });
}
const rate = (N - 1) / (sent[N - 1]! - sent[0]!) / (LIMIT / WINDOW);
const interval = WINDOW / (target * LIMIT);
const gaps = sent.slice(1).map((s, i) => s - sent[i]!);
const late = gaps.filter((g) => g > 1.5 * interval);
console.log(`target ${target}, ${DEPTH} in flight, limit ${LIMIT}/10 s: ${(rate * 100).toFixed(2)} % of the limit, ${limited} × 429, ${late.length} gaps over 1.5 intervals (largest ${Math.max(0, ...late).toFixed(0)} ms)`);
