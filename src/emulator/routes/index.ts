/** Every API route, by route key (see `RouteTable`), and the routes answered before authentication. */
import { accountRoutes } from './accounts.js';
import { appRoutes } from './apps.js';
import { componentRoutes } from './components.js';
import type { RouteHandler, RouteTable } from './context.js';
import { deployedTriggerRoutes } from './deployed-triggers.js';
import { tokenRoutes } from './tokens.js';
import { userRoutes } from './users.js';

export type { EmulatorServices, RequestContext, RouteContext, RouteHandler, RouteTable } from './context.js';
export { oauthToken, validateToken } from './tokens.js';
export { staticRoute } from './static.js';

/** Merges route tables; a key defined twice is a mistake, not an override. */
function mergeRoutes(...tables: RouteTable[]): ReadonlyMap<string, RouteHandler> {
  const merged = new Map<string, RouteHandler>();
  for (const table of tables) {
    for (const [key, handler] of Object.entries(table)) {
      if (merged.has(key)) throw new Error(`Route ${key} is defined twice`);
      merged.set(key, handler);
    }
  }
  return merged;
}

/** The authenticated API below `/v1/connect[/{project_id}]/`. */
export const API_ROUTES = mergeRoutes(tokenRoutes, accountRoutes, userRoutes, appRoutes, componentRoutes, deployedTriggerRoutes);
