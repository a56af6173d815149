import type { AppCategory } from '@pipedream/sdk/browser';
import { ApiError } from './errors.js';
import { readAppCategory, readApp, readItems } from './read-answers.js';
import { type AppListParams, type AppPage, type ComponentListParams, type ComponentPage, type ConnectSession, checkedPage, loadComponentReaders } from './session.js';

/*
 * The catalog's calls: apps, their components, the categories. Apart from the session, so that
 * elements that never browse the catalog (a connect button, an account list) do not carry them.
 */

/** One page of the app catalog; a category given by name is resolved to its id first. */
export async function listApps(session: ConnectSession, params: AppListParams, cursor?: string, limit = 50): Promise<AppPage> {
  const categoryId = params.category ? await resolveCategoryId(session, params.category) : undefined;
  const q = params.q?.trim();
  const page = await session.call(session.client('apps'), (client, options) =>
    client.list({
      ...(q ? { q } : {}),
      ...(params.sort === 'name' ? { sortKey: 'name', sortDirection: 'asc' } : q ? {} : { sortKey: 'featured_weight', sortDirection: 'desc' }),
      ...(params.hasActions ? { hasActions: true } : {}),
      ...(params.hasTriggers ? { hasTriggers: true } : {}),
      ...(categoryId ? { categoryIds: [categoryId] } : {}),
      ...(cursor ? { after: cursor } : {}),
      limit,
    }, options),
  );
  const { items, ...rest } = checkedPage(page, 'an app list');
  return { apps: readItems(items, readApp), ...rest };
}

/** One page of an app's actions, triggers, or both. */
export async function listComponents(session: ConnectSession, params: ComponentListParams, cursor?: string, limit = 50): Promise<ComponentPage> {
  const q = params.q?.trim();
  const readers = loadComponentReaders();
  const page = await session.call(session.componentClient(params.type), (client, options) =>
    client.list({
      app: params.app,
      ...(q ? { q } : {}),
      ...(cursor ? { after: cursor } : {}),
      limit,
    }, options),
  );
  const { items, ...rest } = checkedPage(page, 'a component list');
  return { components: readItems(items, (await readers).readComponent), ...rest };
}

/** Every app category (one request per session, cached). */
export function listCategories(session: ConnectSession): Promise<AppCategory[]> {
  return session.remember('app-categories', 60 * 60_000, async () => {
    const answer: unknown = await session.call(session.client('appCategories'), (client, options) => client.list(options));
    if (!Array.isArray(answer)) throw new ApiError('The Connect API answered something that is not a category list', undefined, { reason: 'unreadable' });
    return readItems(answer, readAppCategory);
  });
}

/** A category's id from its id or its name (case-insensitive); unknown values pass through unchanged. */
export async function resolveCategoryId(session: ConnectSession, idOrName: string): Promise<string> {
  const wanted = idOrName.trim().toLowerCase();
  const categories = await listCategories(session);
  const match = categories.find((category) => category.id?.toLowerCase() === wanted) ?? categories.find((category) => category.name?.toLowerCase() === wanted);
  return match?.id ?? idOrName.trim();
}
