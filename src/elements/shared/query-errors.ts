import type { InfiniteQueryObserverResult } from '@tanstack/query-core';
import { PdErrorEvent } from '../../events/index.js';
import { describeError, errorCode } from '../../session/errors.js';

/**
 * Reports each failure of an element's query once (`pd-error`), however often the element
 * renders while it shows it. Call `report` from the host's `updated`.
 */
export class QueryErrorReport {
  private reportedAt = 0;

  /** `nextPages: false` leaves a failed next page to whoever asked for it. */
  report(target: EventTarget, result: InfiniteQueryObserverResult<unknown, Error> | undefined, fallbackCode: string, options: { nextPages?: boolean } = {}): void {
    if (!result?.isError || result.errorUpdatedAt === this.reportedAt) return;
    if (options.nextPages === false && result.isFetchNextPageError) return;
    this.reportedAt = result.errorUpdatedAt;
    target.dispatchEvent(new PdErrorEvent(errorCode(result.error, fallbackCode), describeError(result.error), result.error));
  }
}
