// Fixed 10-second windows per key (one key per workspace; the emulator has one app per workspace,
// so the per-app and per-workspace limits coincide). A window opens on the first call after the
// previous one expired, which keeps bursts in tests deterministic.

export interface RateLimitVerdict {
  limit: number;
  remaining: number;
  /** Unix seconds when the current window refills, as in `X-RateLimit-Reset`. */
  reset: number;
  limited: boolean;
}

interface Window {
  startedAt: number;
  count: number;
}

export class RateLimiter {
  private windows = new Map<string, Window>();

  constructor(private readonly windowMs = 10_000) {}

  hit(key: string, limit: number, now = Date.now()): RateLimitVerdict {
    let window = this.windows.get(key);
    if (!window || now - window.startedAt >= this.windowMs) {
      window = { startedAt: now, count: 0 };
      this.windows.set(key, window);
    }
    const reset = Math.ceil((window.startedAt + this.windowMs) / 1000);
    if (window.count >= limit) return { limit, remaining: 0, reset, limited: true };
    window.count += 1;
    return { limit, remaining: Math.max(0, limit - window.count), reset, limited: false };
  }

  clear(): void {
    this.windows.clear();
  }
}
