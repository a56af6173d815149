/**
 * Tells elements when the network may be back: the browser went online, or the page was shown or
 * focused again (a laptop waking up). Elements showing a failed load fetch it again then, without
 * waiting for a Retry click. Only reads are fetched again; writes never are.
 */
const listeners = new Set<() => void>();
let listening = false;
let lastSignal = 0;

function signal(): void {
  // `online`, `focus` and `visibilitychange` often come together: one refetch for all of them.
  const now = Date.now();
  if (now - lastSignal < 1000) return;
  lastSignal = now;
  for (const listener of [...listeners]) listener();
}

/** Calls `listener` each time the network may be back; returns the unsubscribe function. */
export function onNetworkBack(listener: () => void): () => void {
  if (!listening && typeof window !== 'undefined') {
    listening = true;
    window.addEventListener('online', signal);
    window.addEventListener('focus', signal);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') signal();
    });
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}
