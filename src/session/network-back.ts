/**
 * Tells elements when the network may be back: the browser went online, the page was shown or
 * focused again (a laptop waking up), or a Connect token came after one had failed (the token
 * endpoint is back: every element that failed for want of a token may load now, not only the one
 * whose Retry was clicked). Elements showing a failed load fetch it again then, without waiting
 * for a Retry click. Only reads are fetched again; writes never are.
 */
const listeners = new Set<() => void>();
let listening = false;
let pending = false;

/** Tells every listener (once for a burst of calls) that failed loads may now work. */
export function signalNetworkBack(): void {
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
    window.addEventListener('online', signalNetworkBack);
    window.addEventListener('focus', signalNetworkBack);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') signalNetworkBack();
    });
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}
