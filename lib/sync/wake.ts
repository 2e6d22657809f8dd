// In-process wake-up: a worker in this process picks new jobs up at once instead of at its next poll.
type Listener = () => void;
const globalForWake = globalThis as unknown as { tailorSyncWake?: Set<Listener> };
const wakeListeners = (globalForWake.tailorSyncWake ??= new Set());

export function onSyncEnqueued(listener: Listener): () => void {
  wakeListeners.add(listener);
  return () => wakeListeners.delete(listener);
}

export function wakeWorkers() {
  // After the caller's transaction has had a chance to commit; the worker polls anyway.
  setTimeout(() => wakeListeners.forEach((l) => l()), 5);
}
