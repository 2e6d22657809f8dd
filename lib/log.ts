/**
 * Server-side logging. Callers pass errors and ids, never secrets; the Intercom client's errors
 * carry no token by construction, and this logger prints only name, message and stack.
 */
export function logError(what: string, error: unknown, context: Record<string, unknown> = {}): void {
  const err = error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : { value: String(error) };
  console.error(JSON.stringify({ level: "error", what, ...context, error: err }));
}

export function logInfo(what: string, context: Record<string, unknown> = {}): void {
  console.info(JSON.stringify({ level: "info", what, ...context }));
}
