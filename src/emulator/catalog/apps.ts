/**
 * Hand-written apps of the emulator catalog: a handful of each auth type, with the fields the
 * Connect API sends for an app. Key-based apps describe their credential form in
 * `custom_fields_json`, which the emulator's connect page renders.
 */
import type { AppCustomField, AuthType, WireApp } from '../types.js';

interface AppSpec {
  id: string;
  slug: string;
  name: string;
  auth: AuthType;
  description: string;
  categories: string[];
  weight: number;
  fields?: AppCustomField[];
  scopeProfiles?: WireApp['scope_profiles'];
}

/** Logo URLs follow the shape of Pipedream's asset host; nothing fetches them in tests. */
function logoUrl(id: string): string {
  return `https://assets.pipedream.net/s.v0/${id}/logo/orig`;
}

function toWire(spec: AppSpec): WireApp {
  const app: WireApp = {
    id: spec.id,
    name_slug: spec.slug,
    name: spec.name,
    auth_type: spec.auth,
    description: spec.description,
    img_src: logoUrl(spec.id),
    custom_fields_json: JSON.stringify(spec.fields ?? []),
    categories: spec.categories,
    featured_weight: spec.weight,
    scope_profiles: spec.scopeProfiles ?? [],
  };
  return app;
}

const specs: AppSpec[] = [
  // --- OAuth apps -------------------------------------------------------------------------
  {
    id: 'app_OkrhR1',
    slug: 'slack',
    name: 'Slack',
    auth: 'oauth',
    description: 'Team messaging: channels, direct messages and workflows for work conversations.',
    categories: ['Communication'],
    weight: 1000,
    scopeProfiles: [
      { name: 'read_only', scopes: ['channels:read', 'channels:history', 'users:read'] },
      { name: 'read_write', scopes: ['channels:read', 'channels:history', 'chat:write', 'users:read'] },
    ],
  },
  {
    id: 'app_OrZhaO',
    slug: 'github',
    name: 'GitHub',
    auth: 'oauth',
    description: 'Code hosting with pull requests, issues and Actions for software teams.',
    categories: ['Developer Tools'],
    weight: 950,
    scopeProfiles: [
      { name: 'read_only', scopes: ['read:user', 'read:org'] },
      { name: 'read_write', scopes: ['repo', 'read:user', 'read:org'] },
      { name: 'admin', scopes: ['repo', 'admin:org', 'admin:repo_hook', 'workflow'] },
    ],
  },
  {
    id: 'app_168hvn',
    slug: 'google_sheets',
    name: 'Google Sheets',
    auth: 'oauth',
    description: 'Online spreadsheets you can edit together and reach from anywhere.',
    categories: ['Productivity'],
    weight: 990,
  },
  {
    id: 'app_X7Lhxr',
    slug: 'gmail',
    name: 'Gmail',
    auth: 'oauth',
    description: "Google's email service: send, search and label messages.",
    categories: ['Communication', 'Email'],
    weight: 900,
  },
  {
    id: 'app_mWnhBo',
    slug: 'notion',
    name: 'Notion',
    auth: 'oauth',
    description: 'Workspace for notes, docs and databases that teams shape to their needs.',
    categories: ['Productivity'],
    weight: 870,
  },
  {
    id: 'app_1a6h7L',
    slug: 'hubspot',
    name: 'HubSpot',
    auth: 'oauth',
    description: 'CRM with marketing, sales and service tools around a shared contact database.',
    categories: ['Marketing', 'CRM'],
    weight: 800,
    scopeProfiles: [
      { name: 'read_only', scopes: ['crm.objects.contacts.read', 'crm.objects.companies.read'] },
      {
        name: 'read_write',
        scopes: ['crm.objects.contacts.read', 'crm.objects.contacts.write', 'crm.objects.companies.read'],
      },
    ],
  },
  {
    id: 'app_XBxhAl',
    slug: 'airtable_oauth',
    name: 'Airtable (OAuth)',
    auth: 'oauth',
    description: 'Spreadsheet-style databases with views, linked records and automations.',
    categories: ['Databases', 'Productivity'],
    weight: 760,
  },
  // --- Key-based apps ---------------------------------------------------------------------
  {
    id: 'app_mWnhg9',
    slug: 'openai',
    name: 'OpenAI (ChatGPT)',
    auth: 'keys',
    description: 'Language, embedding and image models behind ChatGPT, served over an HTTP API.',
    categories: ['AI'],
    weight: 940,
    fields: [
      {
        name: 'api_key',
        label: 'API Key',
        description: 'Create a key under **API keys** in your OpenAI dashboard.',
        secret: true,
      },
      {
        name: 'organization',
        label: 'Organization ID',
        description: 'Only needed when your key belongs to several organizations.',
        optional: true,
      },
    ],
  },
  {
    id: 'app_Okrh9N',
    slug: 'stripe',
    name: 'Stripe',
    auth: 'keys',
    description: 'Online payments: charges, subscriptions, invoices and payouts.',
    categories: ['Payments'],
    weight: 850,
    fields: [
      {
        name: 'api_key',
        label: 'Secret key',
        description: 'Starts with `sk_live_` or `sk_test_`. A restricted key works if it can write invoices.',
        secret: true,
      },
    ],
  },
  {
    id: 'app_mE7hlb',
    slug: 'twilio',
    name: 'Twilio',
    auth: 'keys',
    description: 'Programmable SMS, voice and WhatsApp messaging.',
    categories: ['Communication'],
    weight: 700,
    fields: [
      { name: 'account_sid', label: 'Account SID', description: 'Starts with `AC`, shown on the Console home page.' },
      { name: 'auth_token', label: 'Auth Token', secret: true },
    ],
  },
  {
    id: 'app_1dBhP3',
    slug: 'postgresql',
    name: 'PostgreSQL',
    auth: 'keys',
    description: 'Open-source relational database known for reliability and standards support.',
    categories: ['Databases', 'Developer Tools'],
    weight: 720,
    fields: [
      { name: 'host', label: 'Host', description: 'Hostname or IP address of the server.' },
      { name: 'port', label: 'Port', default: '5432' },
      { name: 'user', label: 'User' },
      { name: 'password', label: 'Password', secret: true },
      { name: 'database', label: 'Database' },
      {
        name: 'ca',
        label: 'CA certificate',
        description: 'PEM certificate to verify the server with, if it uses a private CA.',
        optional: true,
      },
    ],
  },
  {
    id: 'app_1LmhN2',
    slug: 'sendgrid',
    name: 'SendGrid',
    auth: 'keys',
    description: 'Transactional and marketing email delivery from Twilio.',
    categories: ['Email', 'Marketing'],
    weight: 640,
    fields: [{ name: 'api_key', label: 'API Key', description: 'Needs the **Mail Send** permission.', secret: true }],
  },
  {
    id: 'app_OrBhaO',
    slug: 'discord_bot',
    name: 'Discord Bot',
    auth: 'keys',
    description: 'Act as your own Discord bot: post messages and read channels in servers it joined.',
    categories: ['Communication'],
    weight: 680,
    fields: [
      {
        name: 'bot_token',
        label: 'Bot Token',
        description: 'From the **Bot** tab of your application in the Discord Developer Portal.',
        secret: true,
      },
    ],
  },
  // --- Apps without auth ------------------------------------------------------------------
  {
    id: 'app_1z7hvM',
    slug: 'http',
    name: 'HTTP / Webhook',
    auth: 'none',
    description: 'Receive webhooks on a unique URL and send HTTP requests to any API.',
    categories: ['Developer Tools'],
    weight: 980,
  },
  {
    id: 'app_Pp7h4e',
    slug: 'pipedream_utils',
    name: 'Pipedream Utils',
    auth: 'none',
    description: 'Helper steps for formatting, inspecting and moving data between steps.',
    categories: ['Developer Tools'],
    weight: 600,
  },
  {
    id: 'app_Ox2hYa',
    slug: 'rss',
    name: 'RSS',
    auth: 'none',
    description: 'Follow RSS and Atom feeds and react to new items.',
    categories: ['Marketing', 'Productivity'],
    weight: 560,
  },
  {
    id: 'app_m3ZhnO',
    slug: 'data_stores',
    name: 'Data Stores',
    auth: 'none',
    description: 'Key-value storage that keeps state between runs.',
    categories: ['Databases', 'Developer Tools'],
    weight: 540,
  },
];

export const apps: WireApp[] = specs.map(toWire);
