// One value per process, even when the bundler instantiates the calling module more than once:
// Next compiles instrumentation.ts (which flushes buffers at shutdown) apart from the route
// handlers, so module-level state would exist twice and the shutdown flush would see an empty copy.
export function processState<T>(name: string, init: () => T): T {
  const holder = globalThis as { [key: symbol]: unknown };
  const key = Symbol.for(`tailor.${name}`);
  return (holder[key] ??= init()) as T;
}
