/**
 * One load at a time: starting a load aborts the one it replaces, so an answer that arrives late
 * for a value no longer wanted is dropped (and an SDK call given the signal is cancelled).
 */
export class LatestLoad {
  private controller?: AbortController;

  /** Aborts the load in flight, if any, and returns the signal of the new one. */
  start(): AbortSignal {
    this.controller?.abort();
    this.controller = new AbortController();
    return this.controller.signal;
  }

  /** Aborts the load in flight without starting another. */
  cancel(): void {
    this.controller?.abort();
    this.controller = undefined;
  }
}
