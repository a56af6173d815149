/** The app catalog and its categories. */
import { type Caller, requireScope } from '../auth.js';
import { notFound, json, query } from '../http.js';
import { paginate } from '../paging.js';
import type { WireApp } from '../types.js';
import type { RouteContext, RouteTable } from './context.js';

interface AppCategory { id: string; name: string; description: string }

function categoryId(name: string): string {
  return `cat_${name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '')}`;
}

/** Any Connect scope that needs the catalog may read it. */
function requireAppsReadable(caller: Caller): void {
  requireScope(caller, 'connect:apps:read', 'connect:components:read', 'connect:actions:read', 'connect:triggers:read', 'connect:accounts:read');
}

function listApps({ caller, params, catalog }: RouteContext): Response {
  requireAppsReadable(caller);
  const q = params.get('q')?.trim().toLowerCase() ?? '';
  const sortKey = query.oneOf(params, 'sort_key', ['name', 'name_slug', 'featured_weight'] as const);
  const direction = query.oneOf(params, 'sort_direction', ['asc', 'desc'] as const);
  const categories = query.list(params, 'category_ids');
  const hasComponents = query.boolean(params, 'has_components');
  const hasActions = query.boolean(params, 'has_actions');
  const hasTriggers = query.boolean(params, 'has_triggers');
  const count = (slug: string, type?: string) =>
    catalog.components.filter((c) => c.app === slug && (!type || c.component_type === type)).length;
  let apps = catalog.apps.filter((app) => {
    if (q && !`${app.name} ${app.name_slug} ${app.description}`.toLowerCase().includes(q)) return false;
    if (categories.length && !app.categories.some((c) => categories.includes(categoryId(c)) || categories.includes(c))) return false;
    if (hasComponents !== undefined && (count(app.name_slug) > 0) !== hasComponents) return false;
    if (hasActions !== undefined && (count(app.name_slug, 'action') > 0) !== hasActions) return false;
    if (hasTriggers !== undefined && (count(app.name_slug, 'trigger') > 0) !== hasTriggers) return false;
    return true;
  });
  // Without an explicit sort, a search ranks names that start with the query first.
  const rank = (app: WireApp) => (q && app.name.toLowerCase().startsWith(q) ? 0 : 1);
  const key = sortKey ?? 'featured_weight';
  const sign = (direction ?? (key === 'featured_weight' ? 'desc' : 'asc')) === 'asc' ? 1 : -1;
  apps = [...apps].sort((a, b) => {
    if (!sortKey && rank(a) !== rank(b)) return rank(a) - rank(b);
    const primary = key === 'featured_weight' ? a.featured_weight - b.featured_weight : String(a[key]).localeCompare(String(b[key]));
    return sign * primary || a.name_slug.localeCompare(b.name_slug);
  });
  const page = paginate(apps, (app) => app.id, { after: params.get('after'), before: params.get('before'), limit: params.get('limit') });
  return json(page);
}

/** `GET apps/{slug or id}`. */
function retrieveApp({ caller, id: idOrSlug, catalog, appsBySlug }: RouteContext): Response {
  requireAppsReadable(caller);
  const app = appsBySlug.get(idOrSlug) ?? catalog.apps.find((candidate) => candidate.id === idOrSlug);
  if (!app) throw notFound(`App ${idOrSlug} not found`);
  return json({ data: app });
}

/** Every category an app of the catalog names, sorted by name. */
function categories({ catalog }: RouteContext): AppCategory[] {
  const names = [...new Set(catalog.apps.flatMap((app) => app.categories))].sort();
  return names.map((name) => ({ id: categoryId(name), name, description: `Apps in ${name}` }));
}

function listCategories(context: RouteContext): Response {
  requireAppsReadable(context.caller);
  return json(categories(context));
}

function retrieveCategory(context: RouteContext): Response {
  requireAppsReadable(context.caller);
  const category = categories(context).find((c) => c.id === context.id);
  if (!category) throw notFound(`App category ${context.id} not found`);
  return json(category);
}

export const appRoutes: RouteTable = {
  'GET apps': listApps,
  'GET apps/:id': retrieveApp,
  'GET app_categories': listCategories,
  'GET app_categories/:id': retrieveCategory,
};
