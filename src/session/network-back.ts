/**
 * Tells elements when the network may be back: the browser went online, or the page was shown or
 * focused again (a laptop waking up). Elements showing a failed load fetch it again then, without
 * waiting for a Retry click. Only reads are fetched again; writes never are.
 */
const listeners = new Set<() => void>();
let listening = false;
let pending = false;

function signal(): void {
  // `online`, `focus` and `visibilitychange` often come together: one refetch for all of them.
  if (pending) return;
  pending = true;
  setTimeout(() => {
    pending = false;
    for (const listener of [...listeners]) listener();
  }, 50);
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
