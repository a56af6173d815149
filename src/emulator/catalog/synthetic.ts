/**
 * Generated apps, so list endpoints and app pickers can be exercised at Pipedream's scale
 * (2,000+ apps) with search, paging and category filters. Same count + seed → same apps.
 */
import type { AuthType, WireApp } from '../types.js';
import { apps as handWrittenApps } from './apps.js';

const PREFIXES = [
  'Acme', 'Blue', 'Bright', 'Cloud', 'Copper', 'Data', 'Echo', 'Falcon', 'Flux', 'Giga', 'Green', 'Harbor',
  'Hyper', 'Iron', 'Jet', 'Kite', 'Lumen', 'Maple', 'Meta', 'Nimbus', 'North', 'Nova', 'Omni', 'Orbit',
  'Pixel', 'Prism', 'Quantum', 'Rapid', 'Red', 'Sage', 'Signal', 'Silver', 'Sky', 'Smart', 'Solar', 'Swift',
  'Terra', 'Tide', 'True', 'Vector', 'Velo', 'Wave', 'Zen', 'Zeta',
];

const ROOTS = [
  'Desk', 'Flow', 'Base', 'Hub', 'Stack', 'Forms', 'Mail', 'Chat', 'Sign', 'Pay', 'Books', 'Track',
  'Cast', 'Sync', 'Notes', 'Board', 'Shift', 'Ship', 'Cart', 'Metrics', 'Survey', 'Calendar', 'Drive', 'Scan',
  'Voice', 'Leads', 'Tasks', 'Wiki', 'Vault', 'Pulse',
];

/** Optional trailing words, so names are not all two words long. */
const SUFFIXES = ['', '', '', '', 'AI', 'Cloud', 'CRM', 'HQ', 'Pro', 'Labs', 'Studio', 'API', '360', 'Connect'];

interface CategorySpec {
  name: string;
  /** A noun phrase for descriptions: "<Name> is <what>". */
  what: string[];
  /** What people do with it: "<Name> helps teams <verb>". */
  verbs: string[];
}

const CATEGORIES: CategorySpec[] = [
  { name: 'Communication', what: ['a team chat app', 'a video meeting tool', 'a business phone system'], verbs: ['talk in channels', 'run meetings', 'answer calls'] },
  { name: 'Developer Tools', what: ['a CI service', 'an error tracker', 'a feature-flag service', 'an API gateway'], verbs: ['ship code safely', 'find bugs faster', 'roll out features'] },
  { name: 'Productivity', what: ['a task manager', 'a shared notes app', 'a scheduling tool'], verbs: ['plan their week', 'keep notes together', 'book meetings'] },
  { name: 'Databases', what: ['a hosted database', 'a spreadsheet database', 'a vector store'], verbs: ['store structured data', 'query records', 'search embeddings'] },
  { name: 'AI', what: ['a text-generation API', 'a speech-to-text service', 'an image-generation model'], verbs: ['draft content', 'transcribe audio', 'classify documents'] },
  { name: 'Marketing', what: ['an email marketing platform', 'a landing-page builder', 'a social media scheduler'], verbs: ['grow their audience', 'run campaigns', 'schedule posts'] },
  { name: 'Payments', what: ['a payment processor', 'a subscription billing tool', 'an invoicing app'], verbs: ['get paid', 'bill subscriptions', 'send invoices'] },
  { name: 'CRM', what: ['a sales CRM', 'a customer success platform'], verbs: ['track deals', 'manage accounts'] },
  { name: 'Email', what: ['a transactional email API', 'a shared inbox'], verbs: ['send receipts', 'answer customers together'] },
  { name: 'E-commerce', what: ['an online store builder', 'an inventory manager', 'a shipping platform'], verbs: ['sell online', 'track stock', 'print labels'] },
  { name: 'Human Resources', what: ['an applicant tracking system', 'a payroll service'], verbs: ['hire faster', 'run payroll'] },
  { name: 'Analytics', what: ['a product analytics tool', 'a BI dashboard'], verbs: ['understand usage', 'share dashboards'] },
  { name: 'File Storage', what: ['a cloud drive', 'a media library'], verbs: ['share files', 'organise assets'] },
  { name: 'Customer Support', what: ['a help desk', 'a live-chat widget'], verbs: ['resolve tickets', 'chat with visitors'] },
];

const AUTH_TYPES: AuthType[] = ['oauth', 'oauth', 'oauth', 'keys', 'keys', 'none'];

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** mulberry32: tiny, fast, good enough for picking words. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function slugOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/**
 * `count` generated apps. Slugs and ids are unique and never collide with the hand-written
 * catalog; a repeated name gets a numeric suffix ("Nova Desk 2").
 */
export function syntheticApps(count: number, seed = 2024): WireApp[] {
  const rand = prng(seed);
  const pickOne = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const usedSlugs = new Set(handWrittenApps.map((a) => a.name_slug));
  const usedIds = new Set(handWrittenApps.map((a) => a.id));
  const out: WireApp[] = [];

  for (let i = 0; i < count; i++) {
    const parts = [pickOne(PREFIXES), pickOne(ROOTS), pickOne(SUFFIXES)].filter(Boolean);
    // Some brands are one word ("Nimbusdesk"), most are two or three.
    let name = rand() < 0.25 ? `${parts[0]}${(parts[1] ?? '').toLowerCase()}${parts[2] ? ` ${parts[2]}` : ''}` : parts.join(' ');
    let slug = slugOf(name);
    if (usedSlugs.has(slug)) {
      let n = 2;
      while (usedSlugs.has(`${slug}_${n}`)) n++;
      name = `${name} ${n}`;
      slug = `${slug}_${n}`;
    }
    usedSlugs.add(slug);

    let id: string;
    do {
      id = 'app_';
      for (let k = 0; k < 6; k++) id += ID_ALPHABET[Math.floor(rand() * ID_ALPHABET.length)];
    } while (usedIds.has(id));
    usedIds.add(id);

    const primary = pickOne(CATEGORIES);
    const categories = [primary.name];
    if (rand() < 0.3) {
      const second = pickOne(CATEGORIES);
      if (second.name !== primary.name) categories.push(second.name);
    }
    const authType = pickOne(AUTH_TYPES);
    const fields =
      authType === 'keys'
        ? rand() < 0.7
          ? [{ name: 'api_key', label: 'API Key', secret: true }]
          : [
              { name: 'subdomain', label: 'Subdomain', description: `Your ${name} workspace, as in \`https://<subdomain>.${slug.replace(/_/g, '')}.com\`.` },
              { name: 'api_token', label: 'API Token', secret: true },
            ]
        : [];

    out.push({
      id,
      name_slug: slug,
      name,
      auth_type: authType,
      description: `${name} is ${pickOne(primary.what)} that helps teams ${pickOne(primary.verbs)}.`,
      img_src: `https://assets.pipedream.net/s.v0/${id}/logo/orig`,
      custom_fields_json: JSON.stringify(fields),
      categories,
      // Most generated apps sit in the long tail below the hand-written ones.
      featured_weight: Math.floor(rand() ** 3 * 500),
      scope_profiles: [],
    });
  }
  return out;
}
