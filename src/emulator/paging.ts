import { badRequest } from './http.js';
import type { Page } from './types.js';

export interface PageParams {
  after?: string | null;
  before?: string | null;
  limit?: string | null;
}

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;

interface Cursor { id: string; index: number }

function encodeCursor(cursor: Cursor): string {
  return btoa(JSON.stringify(cursor)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

function decodeCursor(value: string, name: string): Cursor {
  try {
    const parsed = JSON.parse(atob(value.replace(/-/g, '+').replace(/_/g, '/'))) as Cursor;
    if (typeof parsed.id === 'string' && Number.isInteger(parsed.index)) return parsed;
  } catch {
    // fall through to the 400 below
  }
  throw badRequest(`${name} is not a valid cursor`);
}

/** Where a cursor points in the current list: by id, or (if that item is gone) by its old index. */
function locate<T>(items: T[], idOf: (item: T) => string, cursor: Cursor): number {
  const found = items.findIndex((item) => idOf(item) === cursor.id);
  return found >= 0 ? found : Math.min(cursor.index, items.length) - 0.5;
}

/**
 * Cursor pagination like Pipedream's: `after`/`before`/`limit` in, `page_info` with
 * `start_cursor`/`end_cursor` out. `end_cursor` is null on the last page, `start_cursor` on the first.
 */
export function paginate<T>(items: T[], idOf: (item: T) => string, params: PageParams): Page<T> {
  let limit = DEFAULT_LIMIT;
  if (params.limit != null && params.limit !== '') {
    limit = Number(params.limit);
    if (!Number.isInteger(limit) || limit < 1) throw badRequest('limit must be a positive integer');
    limit = Math.min(limit, MAX_LIMIT);
  }
  let start = 0;
  let end = items.length;
  if (params.after) {
    start = Math.floor(locate(items, idOf, decodeCursor(params.after, 'after'))) + 1;
  }
  if (params.before) {
    end = Math.ceil(locate(items, idOf, decodeCursor(params.before, 'before')));
    start = Math.max(start, end - limit);
  }
  const slice = items.slice(start, Math.min(end, start + limit));
  const last = start + slice.length - 1;
  const cursorAt = (index: number) => encodeCursor({ id: idOf(items[index] as T), index });
  return {
    data: slice,
    page_info: {
      count: slice.length,
      total_count: items.length,
      start_cursor: slice.length && start > 0 ? cursorAt(start) : null,
      end_cursor: slice.length && last < items.length - 1 ? cursorAt(last) : null,
    },
  };
}
