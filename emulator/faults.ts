// Fault injection for reliability tests. Faults apply to Intercom routes only, never to the
// control API, so a test can always switch them off again.

export interface FaultConfig {
  /** Delay before answering, in ms. */
  latencyMs?: number;
  /** Delay after the request took effect, before the answer (a client that times out meanwhile still changed the state). */
  lateAnswerMs?: number;
  /** Share (0..1) of requests answered with `errorStatus`. */
  errorRate?: number;
  /** The next N matching requests fail with `errorStatus` (deterministic alternative to errorRate). */
  errorCount?: number;
  errorStatus?: 500 | 502 | 503 | 504;
  /** Share (0..1) of requests whose socket is destroyed without an answer. */
  dropRate?: number;
  /** The next N matching requests are dropped. */
  dropCount?: number;
  /** Limit faults to one region's host ("US" | "EU" | "AU"). */
  region?: string;
  /** Limit faults to paths starting with this (after the region prefix), e.g. "/contacts". */
  pathPrefix?: string;
}

export type FaultAction = { kind: "none" } | { kind: "error"; status: number } | { kind: "drop" };

export class Faults {
  private config: FaultConfig = {};

  constructor(private readonly random: () => number = Math.random) {}

  set(config: FaultConfig): FaultConfig {
    this.config = { ...config };
    return this.get();
  }

  get(): FaultConfig {
    return { ...this.config };
  }

  clear(): void {
    this.config = {};
  }

  private matches(region: string, path: string): boolean {
    const { region: onlyRegion, pathPrefix } = this.config;
    if (onlyRegion && onlyRegion.toUpperCase() !== region) return false;
    if (pathPrefix && !path.startsWith(pathPrefix)) return false;
    return true;
  }

  latencyFor(region: string, path: string): number {
    return this.matches(region, path) ? Math.max(0, this.config.latencyMs ?? 0) : 0;
  }

  lateAnswerFor(region: string, path: string): number {
    return this.matches(region, path) ? Math.max(0, this.config.lateAnswerMs ?? 0) : 0;
  }

  /** Decides (and consumes counters) for one request. */
  next(region: string, path: string): FaultAction {
    if (!this.matches(region, path)) return { kind: "none" };
    const c = this.config;
    if ((c.dropCount ?? 0) > 0) {
      c.dropCount = (c.dropCount ?? 0) - 1;
      return { kind: "drop" };
    }
    if ((c.dropRate ?? 0) > 0 && this.random() < (c.dropRate ?? 0)) return { kind: "drop" };
    const status = c.errorStatus ?? 500;
    if ((c.errorCount ?? 0) > 0) {
      c.errorCount = (c.errorCount ?? 0) - 1;
      return { kind: "error", status };
    }
    if ((c.errorRate ?? 0) > 0 && this.random() < (c.errorRate ?? 0)) return { kind: "error", status };
    return { kind: "none" };
  }
}
