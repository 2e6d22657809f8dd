/** Redis for tests: TEST_REDIS_URL (CI starts a server if none answers), default the local one. */
export function testRedisUrl(): string {
  return process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379";
}
