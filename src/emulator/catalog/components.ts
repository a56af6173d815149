/**
 * Hand-written components of the emulator catalog. Together their props use every prop type the
 * Connect API knows; their behaviour (remote options, dynamic props, runs, sample events) is
 * computed from the configured values and the connected account, so a UI sees realistic,
 * deterministic data, including realistic failures.
 */
import type {
  ConfigurableProp,
  EmulatorComponent,
  LabelValue,
  OptionsContext,
  OptionsResult,
  PropOptionItem,
  PropsContext,
} from '../types.js';
import { labelOfValue, unwrapValue } from '../../wire/props.js';

// ---------------------------------------------------------------------------------------------
// Value helpers
// ---------------------------------------------------------------------------------------------

type Account = PropsContext['accounts'][string];

/** What the data generators need from an account (sample events may run without one). */
type AccountLike = Pick<Account, 'id' | 'name'> & { credentials?: Record<string, unknown> };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function text(v: unknown, fallback = ''): string {
  const u = unwrapValue(v);
  if (typeof u === 'string') return u;
  if (typeof u === 'number' || typeof u === 'boolean') return String(u);
  // A bare `{label, value}` is not the documented shape, but it is unambiguous.
  if (isRecord(u) && 'value' in u) return text(u.value, fallback);
  return fallback;
}

function list(v: unknown): string[] {
  const u = unwrapValue(v);
  if (Array.isArray(u)) return u.map((x) => text(x)).filter((s) => s !== '');
  const s = text(u);
  return s ? [s] : [];
}

function int(v: unknown, fallback: number): number {
  const u = unwrapValue(v);
  const n = typeof u === 'number' ? u : typeof u === 'string' && u.trim() !== '' ? Number(u) : Number.NaN;
  return Number.isFinite(n) ? Math.trunc(n) : fallback;
}

function intList(v: unknown): number[] {
  const u = unwrapValue(v);
  const items = Array.isArray(u) ? u : u === undefined || u === null ? [] : [u];
  return items.map((x) => int(x, Number.NaN)).filter((n) => Number.isFinite(n));
}

function flag(v: unknown, fallback: boolean): boolean {
  const u = unwrapValue(v);
  if (typeof u === 'boolean') return u;
  if (u === 'true') return true;
  if (u === 'false') return false;
  return fallback;
}

/** `object` props: values that are JSON text are parsed, as Pipedream does for key/value rows. */
function record(v: unknown): Record<string, unknown> {
  let u = unwrapValue(v);
  if (typeof u === 'string') {
    try {
      u = JSON.parse(u);
    } catch {
      return {};
    }
  }
  if (!isRecord(u)) return {};
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(u)) out[k] = parseMaybeJson(val);
  return out;
}

function parseMaybeJson(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

function truncate(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** FNV-1a: a cheap, stable hash so every generated id and number follows from its inputs. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const HEX = '0123456789abcdef';
const DIGITS = '0123456789';

function idFrom(seed: string, alphabet: string, length: number): string {
  let state = hash(seed) || 1;
  let out = '';
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    out += alphabet[state % alphabet.length];
  }
  return out;
}

function uuidFrom(seed: string): string {
  const h = idFrom(seed, HEX, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Discord-style snowflake ids. */
function snowflake(seed: string): string {
  return `1${idFrom(seed, DIGITS, 18)}`;
}

const EPOCH = Date.UTC(2025, 0, 6, 9, 0, 0);

/** A timestamp within ~60 days of a fixed epoch, so results stay deterministic. */
function isoFrom(seed: string): string {
  return new Date(EPOCH + (hash(seed) % (60 * 86_400)) * 1000).toISOString();
}

function pick<T>(items: readonly T[], seed: string): T {
  return items[hash(seed) % items.length] as T;
}

/** A subset of `pool` (at least `min` items, pool order kept), chosen by `seed`. */
function subset<T>(pool: readonly T[], seed: string, min: number): T[] {
  const chosen = pool.filter((_, i) => hash(`${seed}#${i}`) % 3 !== 0);
  return chosen.length >= min ? chosen : pool.slice(0, min);
}

function handle(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

// ---------------------------------------------------------------------------------------------
// Errors and options plumbing
// ---------------------------------------------------------------------------------------------

function optionsError(name: string, message: string): OptionsResult {
  return { errors: [JSON.stringify({ name, message })] };
}

function configurationError(message: string): OptionsResult {
  return optionsError('ConfigurationError', message);
}

function namedError(name: string, message: string): Error {
  const e = new Error(message);
  e.name = name;
  return e;
}

/** Sample events must not fail, so without a connected account they use a placeholder one. */
function sampleAccount(ctx: PropsContext, prop: string): AccountLike {
  return ctx.accounts[prop] ?? { id: `apn_sample_${prop}`, name: 'Sample Workspace' };
}

function requireAccount(ctx: PropsContext, prop: string, appName: string): Account {
  const acc = ctx.accounts[prop];
  if (!acc) throw namedError('ConfigurationError', `Connect a ${appName} account first`);
  return acc;
}

function matchesQuery(label: string, query: string | undefined): boolean {
  const q = (query ?? '').trim().toLowerCase();
  return q === '' || label.toLowerCase().includes(q);
}

function filterByQuery(options: LabelValue[], query: string | undefined): LabelValue[] {
  return options.filter((o) => matchesQuery(o.label, query));
}

export const OPTIONS_PAGE_SIZE = 50;

/**
 * Which page to serve: the `nextPageToken` of the previous response wins (that is how the real
 * APIs behind these props page), the numeric `page` is the fallback.
 */
function pageIndex(ctx: OptionsContext): number {
  const token = ctx.prevContext?.nextPageToken;
  if (typeof token === 'string' && /^p\d+$/.test(token)) return Number(token.slice(1));
  return ctx.page > 0 ? Math.trunc(ctx.page) : 0;
}

function paged(items: PropOptionItem[], ctx: OptionsContext): OptionsResult {
  const index = pageIndex(ctx);
  const slice = items.slice(index * OPTIONS_PAGE_SIZE, (index + 1) * OPTIONS_PAGE_SIZE);
  if (slice.length === 0) return { options: [] };
  return { options: slice, context: { nextPageToken: `p${index + 1}` } };
}

/** Action annotations as Pipedream publishes them for MCP-style clients. */
function hints(readOnly: boolean, destructive = false): Record<string, boolean> {
  return { destructiveHint: destructive, openWorldHint: true, readOnlyHint: readOnly };
}

// ---------------------------------------------------------------------------------------------
// Slack
// ---------------------------------------------------------------------------------------------

function slackTeam(acc: AccountLike): string {
  return handle(acc.name).split('-')[0] || 'team';
}

/** Channel names follow the connected workspace, so switching accounts visibly changes them. */
function slackChannels(acc: AccountLike): LabelValue[] {
  const team = slackTeam(acc);
  const names = [
    'general', 'random', 'announcements', `${team}-engineering`, `${team}-support`, `${team}-sales`,
    'design', 'ops-alerts', 'deploys', 'watercooler', 'help-it', 'marketing-launches',
  ];
  return names.map((n) => ({ label: `#${n}`, value: `C${idFrom(`${acc.id}/${n}`, UPPER, 10)}` }));
}

function slackTs(seed: string): string {
  const h = hash(seed);
  return `${1_736_150_000 + (h % 5_000_000)}.${String(hash(`${seed}/us`) % 1_000_000).padStart(6, '0')}`;
}

function slackConversationOptions(ctx: OptionsContext): OptionsResult {
  const acc = ctx.accounts.slack;
  if (!acc) return configurationError('Connect a Slack account first');
  return { options: filterByQuery(slackChannels(acc), ctx.query) };
}

const slackSendMessage: EmulatorComponent = {
  key: 'slack-send-message',
  app: 'slack',
  name: 'Send Message',
  version: '0.0.12',
  description:
    'Send a message to a channel, DM or group. See the [chat.postMessage docs](https://api.slack.com/methods/chat.postMessage).',
  component_type: 'action',
  annotations: hints(false),
  configurable_props: [
    { name: 'slack', type: 'app', app: 'slack' },
    {
      name: 'botNotice',
      type: 'alert',
      alertType: 'info',
      content: 'Messages are posted by the **Pipedream** bot unless your Slack app has the `chat:write.customize` scope.',
    },
    {
      name: 'conversation',
      type: 'string',
      label: 'Channel',
      description: 'Select a channel, or type a channel ID such as `C0123456789`.',
      remoteOptions: true,
      useQuery: true,
      withLabel: true,
    },
    {
      name: 'text',
      type: 'string',
      label: 'Text',
      description:
        'Message text. Slack formats it as [mrkdwn](https://api.slack.com/reference/surfaces/formatting): `*bold*`, `_italic_`, `<https://example.com|links>`.',
    },
    {
      name: 'mrkdwn',
      type: 'boolean',
      label: 'Format as mrkdwn',
      description: 'Turn off to send the text exactly as typed.',
      optional: true,
      default: true,
    },
    {
      name: 'thread_ts',
      type: 'string',
      label: 'Thread timestamp',
      description: 'Reply in a thread by giving the parent message `ts`, e.g. `1736150012.000100`.',
      optional: true,
    },
    {
      name: 'reply_broadcast',
      type: 'boolean',
      label: 'Also send to channel',
      description: 'With a **thread timestamp**, also show the reply in the channel.',
      optional: true,
    },
    {
      // Pipedream keeps this flag on its Slack actions but does not show it.
      name: 'include_sent_via_pipedream_flag',
      type: 'boolean',
      label: 'Include link to Pipedream',
      hidden: true,
      optional: true,
      default: false,
    },
  ],
  options: { conversation: slackConversationOptions },
  run(ctx) {
    const acc = requireAccount(ctx, 'slack', 'Slack');
    const conv = ctx.configuredProps.conversation;
    const channel = text(conv);
    if (!channel) throw namedError('ConfigurationError', 'Channel is required');
    const label = labelOfValue(conv) ?? slackChannels(acc).find((c) => c.value === channel)?.label ?? channel;
    if ([channel, label].some((s) => s.replace(/^#/, '') === 'does-not-exist')) {
      throw namedError('SlackApiError', 'An API error occurred: channel_not_found');
    }
    const body = text(ctx.configuredProps.text);
    if (!body.trim()) throw namedError('SlackApiError', 'An API error occurred: no_text');
    const threadTs = text(ctx.configuredProps.thread_ts) || undefined;
    const ts = slackTs(`${channel}/${body}/${threadTs ?? ''}`);
    ctx.$.log(`chat.postMessage to ${label}${threadTs ? ` (thread ${threadTs})` : ''}`);
    ctx.$.export('$summary', `Sent message to ${label}: "${truncate(body, 60)}"`);
    return {
      ok: true,
      channel,
      ts,
      message: {
        type: 'message',
        subtype: 'bot_message',
        text: body,
        bot_id: `B${idFrom(acc.id, UPPER, 10)}`,
        team: `T${idFrom(`${acc.id}/team`, UPPER, 10)}`,
        ts,
        ...(threadTs ? { thread_ts: threadTs, reply_broadcast: flag(ctx.configuredProps.reply_broadcast, false) } : {}),
        mrkdwn: flag(ctx.configuredProps.mrkdwn, true),
      },
    };
  },
};

const SLACK_SAMPLE_TEXTS = [
  'Deploy of api-service finished in 4m 12s :rocket:',
  'Can someone review the onboarding doc before Friday?',
  'Lunch order closes at 11:30, reply in thread',
  'Incident resolved: elevated 5xx on checkout',
];

const slackNewMessage: EmulatorComponent = {
  key: 'slack-new-message-in-channels',
  app: 'slack',
  name: 'New Message In Channels (Instant)',
  version: '1.0.24',
  description: 'Emit new event when a new message is posted to one or more channels.',
  component_type: 'trigger',
  configurable_props: [
    { name: 'slack', type: 'app', app: 'slack' },
    { name: 'db', type: '$.service.db' },
    { name: 'slackApphook', type: '$.interface.apphook', appProp: 'slack', eventNames: ['message'] },
    {
      name: 'conversations',
      type: 'string[]',
      label: 'Channels',
      description: 'Leave empty to watch every public channel the bot is in.',
      remoteOptions: true,
      useQuery: true,
      optional: true,
    },
    {
      name: 'ignoreBot',
      type: 'boolean',
      label: 'Ignore bots',
      description: 'Skip messages posted by bots, including this one.',
      optional: true,
      default: false,
    },
    {
      name: 'resolveNames',
      type: 'boolean',
      label: 'Resolve names',
      description: 'Add user and channel names to each event (one extra API call per event).',
      optional: true,
    },
  ],
  options: { conversations: slackConversationOptions },
  sampleEvents(ctx) {
    const acc = sampleAccount(ctx, 'slack');
    const all = slackChannels(acc);
    const chosen = list(ctx.configuredProps.conversations);
    const channels = chosen.length
      ? chosen.map((id) => all.find((c) => c.value === id) ?? { label: id, value: id })
      : all.slice(0, 1);
    const resolve = flag(ctx.configuredProps.resolveNames, false);
    return channels.slice(0, 3).map((c, i) => {
      const channel = String(c.value);
      const body = pick(SLACK_SAMPLE_TEXTS, `${channel}/${i}`);
      const ts = slackTs(`${channel}/event/${i}`);
      return {
        type: 'message',
        channel,
        user: `U${idFrom(`${acc.id}/user/${i}`, UPPER, 10)}`,
        text: body,
        ts,
        event_ts: ts,
        channel_type: 'channel',
        team: `T${idFrom(`${acc.id}/team`, UPPER, 10)}`,
        ...(resolve ? { channel_name: c.label.replace(/^#/, ''), user_name: pick(['ada', 'grace', 'linus', 'margaret'], ts) } : {}),
      };
    });
  },
};

// ---------------------------------------------------------------------------------------------
// GitHub
// ---------------------------------------------------------------------------------------------

const REPO_AREAS = [
  'api', 'web', 'mobile', 'auth', 'billing', 'search', 'payments', 'notifications', 'analytics', 'admin',
  'checkout', 'catalog', 'inventory', 'shipping', 'identity', 'gateway', 'scheduler', 'reports', 'media', 'chat',
  'docs', 'infra', 'design-system', 'onboarding', 'pricing', 'ledger', 'feature-flags', 'metrics', 'logging', 'email',
  'webhooks', 'importer', 'exporter', 'sync', 'crawler', 'recommendations', 'support', 'status', 'cdn', 'mlops',
];
const REPO_KINDS = ['service', 'client', 'sdk', 'cli', 'worker', 'ui', 'config', 'terraform'];

function githubOwner(acc: AccountLike): string {
  return acc.name.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'octocat';
}

/** 320 repositories: enough that a picker must page (50 per page) and search. */
function githubRepos(acc: AccountLike): LabelValue[] {
  const owner = githubOwner(acc);
  const out: LabelValue[] = [];
  for (const area of REPO_AREAS) {
    for (const kind of REPO_KINDS) {
      const full = `${owner}/${area}-${kind}`;
      out.push({ label: full, value: full });
    }
  }
  return out;
}

const GITHUB_LABELS = ['bug', 'enhancement', 'documentation', 'good first issue', 'help wanted', 'question', 'wontfix', 'security', 'performance', 'breaking change'];

function githubRepoOptions(ctx: OptionsContext): OptionsResult {
  const acc = ctx.accounts.github;
  if (!acc) return configurationError('Connect a GitHub account first');
  return paged(filterByQuery(githubRepos(acc), ctx.query), ctx);
}

const githubCreateIssue: EmulatorComponent = {
  key: 'github-create-issue',
  app: 'github',
  name: 'Create Issue',
  version: '0.3.5',
  description: 'Create a new issue in a repository. See the [REST docs](https://docs.github.com/en/rest/issues/issues#create-an-issue).',
  component_type: 'action',
  annotations: hints(false),
  configurable_props: [
    { name: 'github', type: 'app', app: 'github' },
    {
      name: 'repoFullname',
      type: 'string',
      label: 'Repository',
      description: 'The repository, as `owner/name`. Start typing to search.',
      remoteOptions: true,
      useQuery: true,
    },
    { name: 'title', type: 'string', label: 'Title', description: 'The title of the issue.' },
    {
      name: 'body',
      type: 'string',
      label: 'Body',
      description: 'The contents of the issue. **Markdown** is supported.',
      optional: true,
    },
    {
      name: 'labels',
      type: 'string[]',
      label: 'Labels',
      description: 'Labels to add. Only users with push access can set labels; others are dropped silently.',
      remoteOptions: true,
      optional: true,
    },
    {
      name: 'assignees',
      type: 'string[]',
      label: 'Assignees',
      description: 'GitHub logins to assign, e.g. `octocat`.',
      optional: true,
    },
    {
      name: 'milestoneNumber',
      type: 'integer',
      label: 'Milestone number',
      description: 'The `number` of an existing milestone.',
      optional: true,
      min: 1,
    },
  ],
  options: {
    repoFullname: githubRepoOptions,
    labels(ctx) {
      if (!ctx.accounts.github) return configurationError('Connect a GitHub account first');
      const repo = text(ctx.configuredProps.repoFullname);
      if (!repo) return configurationError('Select a repository first');
      // Every repository has the default labels; some add their own.
      const extra = hash(repo) % 2 === 0 ? [`area: ${repo.split('/')[1]?.split('-')[0] ?? 'core'}`] : [];
      return { options: [...GITHUB_LABELS, ...extra] };
    },
  },
  run(ctx) {
    const acc = requireAccount(ctx, 'github', 'GitHub');
    const repo = text(ctx.configuredProps.repoFullname);
    if (!repo) throw namedError('ConfigurationError', 'Repository is required');
    const title = text(ctx.configuredProps.title);
    if (title.trim().toLowerCase() === 'fail' || !title.trim()) {
      throw namedError(
        'HttpError',
        'Validation Failed: {"resource":"Issue","code":"custom","field":"title","message":"title is invalid"} - https://docs.github.com/rest/issues/issues#create-an-issue',
      );
    }
    const seed = `${repo}/${title}`;
    const number = 1 + (hash(seed) % 2400);
    const milestone = int(ctx.configuredProps.milestoneNumber, 0);
    ctx.$.log(`POST /repos/${repo}/issues`);
    ctx.$.export('$summary', `Created issue #${number} "${truncate(title, 60)}" in ${repo}`);
    return {
      id: 2_000_000_000 + (hash(seed) % 900_000_000),
      number,
      title,
      body: text(ctx.configuredProps.body) || null,
      state: 'open',
      html_url: `https://github.com/${repo}/issues/${number}`,
      user: { login: githubOwner(acc), type: 'User' },
      labels: list(ctx.configuredProps.labels).map((name) => ({ name, color: idFrom(name, HEX, 6) })),
      assignees: list(ctx.configuredProps.assignees).map((login) => ({ login })),
      milestone: milestone > 0 ? { number: milestone } : null,
      created_at: isoFrom(seed),
    };
  },
};

const githubNewIssue: EmulatorComponent = {
  key: 'github-new-issue-with-status',
  app: 'github',
  name: 'New Issue (Instant)',
  version: '0.1.9',
  description: 'Emit new event when an issue is opened in the selected repository (uses a repository webhook).',
  component_type: 'trigger',
  configurable_props: [
    { name: 'github', type: 'app', app: 'github' },
    { name: 'http', type: '$.interface.http' },
    { name: 'db', type: '$.service.db' },
    {
      name: 'repoFullname',
      type: 'string',
      label: 'Repository',
      description: 'Needs admin access to the repository to create the webhook.',
      remoteOptions: true,
      useQuery: true,
    },
  ],
  options: { repoFullname: githubRepoOptions },
  sampleEvents(ctx) {
    const acc = sampleAccount(ctx, 'github');
    const repo = text(ctx.configuredProps.repoFullname) || `${githubOwner(acc)}/api-service`;
    const titles = ['Login fails with SSO enabled', 'Add dark mode to settings page', 'Flaky test in billing suite'];
    return titles.slice(0, 2 + (hash(repo) % 2)).map((title, i) => {
      const number = 100 + (hash(`${repo}/${i}`) % 900);
      return {
        action: 'opened',
        issue: {
          number,
          title,
          state: 'open',
          html_url: `https://github.com/${repo}/issues/${number}`,
          user: { login: pick(['ada-l', 'hopper', 'torvalds-fan', 'mhamilton'], `${repo}/${i}`) },
          labels: [{ name: pick(GITHUB_LABELS, `${repo}/${title}`) }],
          created_at: isoFrom(`${repo}/${i}`),
        },
        repository: { full_name: repo, private: hash(repo) % 2 === 0 },
      };
    });
  },
};

// ---------------------------------------------------------------------------------------------
// Google Sheets
// ---------------------------------------------------------------------------------------------

const SHEET_TOPICS = [
  'Budget', 'Customer list', 'Inventory', 'OKRs', 'Hiring tracker', 'Sales pipeline',
  'Content calendar', 'Event RSVPs', 'Expense report', 'Timesheet', 'Roadmap', 'Survey results',
];
const SHEET_SUFFIXES = ['2023', '2024', '2025', 'Q1', 'Q2', 'Q3', 'Q4', '(draft)', '(copy)', '- team'];
const WORKSHEET_NAMES = ['Sheet1', 'Summary', 'Raw data', 'Archive', 'Lookup', 'Pivot'];
const HEADER_POOL = ['Name', 'Email', 'Company', 'Amount', 'Date', 'Status', 'Owner', 'Notes', 'Region', 'Plan'];

function spreadsheets(acc: AccountLike): LabelValue[] {
  const out: LabelValue[] = [];
  for (const topic of SHEET_TOPICS) {
    for (const suffix of SHEET_SUFFIXES) {
      const name = `${topic} ${suffix}`;
      out.push({ label: name, value: `1${idFrom(`${acc.id}/${name}`, `${ALNUM}-_`, 43)}` });
    }
  }
  return out;
}

interface Worksheet {
  id: number;
  name: string;
  headers: string[];
}

/** Worksheets follow from the spreadsheet id alone: the first is always `Sheet1` with gid 0. */
function worksheets(sheetId: string): Worksheet[] {
  const count = 1 + (hash(sheetId) % 4);
  return WORKSHEET_NAMES.slice(0, count).map((name, i) => ({
    id: i === 0 ? 0 : 100_000 + (hash(`${sheetId}/${name}`) % 1_900_000_000),
    name,
    headers: subset(HEADER_POOL, `${sheetId}/${name}`, 3).slice(0, 6),
  }));
}

function findWorksheet(sheetId: string, worksheetValue: unknown): Worksheet | undefined {
  const id = text(worksheetValue);
  return worksheets(sheetId).find((w) => String(w.id) === id);
}

function columnLetter(i: number): string {
  let n = i;
  let s = '';
  do {
    s = String.fromCharCode(65 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}

function sheetIdOptions(ctx: OptionsContext): OptionsResult {
  const acc = ctx.accounts.google_sheets;
  if (!acc) return configurationError('Connect a Google Sheets account first');
  return paged(filterByQuery(spreadsheets(acc), ctx.query), ctx);
}

function worksheetOptions(ctx: OptionsContext): OptionsResult {
  const sheetId = text(ctx.configuredProps.sheetId);
  if (!sheetId) return configurationError('Select a spreadsheet first');
  return { options: worksheets(sheetId).map((w) => ({ label: w.name, value: w.id })) };
}

const sheetsStaticProps: ConfigurableProp[] = [
  { name: 'google_sheets', type: 'app', app: 'google_sheets' },
  {
    name: 'sheetId',
    type: 'string',
    label: 'Spreadsheet',
    description: 'Spreadsheets in your Drive, most recently modified first. Start typing to search.',
    remoteOptions: true,
    useQuery: true,
    withLabel: true,
  },
  {
    name: 'worksheetId',
    type: 'string',
    label: 'Worksheet',
    description: 'The tab to add the row to.',
    remoteOptions: true,
    withLabel: true,
    reloadProps: true,
  },
  {
    name: 'hasHeaders',
    type: 'boolean',
    label: 'Does the first row have headers?',
    description: 'With headers you get one field per column; without, a list of cell values.',
    default: true,
    reloadProps: true,
  },
];

const sheetsAddRow: EmulatorComponent = {
  key: 'google_sheets-add-single-row',
  app: 'google_sheets',
  name: 'Add Single Row',
  version: '2.1.4',
  description: 'Add a single row of data to a worksheet. See the [Sheets API docs](https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.values/append).',
  component_type: 'action',
  annotations: hints(false),
  configurable_props: sheetsStaticProps,
  options: { sheetId: sheetIdOptions, worksheetId: worksheetOptions },
  reload(ctx) {
    const props = [...sheetsStaticProps];
    const sheetId = text(ctx.configuredProps.sheetId);
    const ws = sheetId ? findWorksheet(sheetId, ctx.configuredProps.worksheetId) : undefined;
    if (!ws) return props;
    if (!flag(ctx.configuredProps.hasHeaders, true)) {
      props.push({
        name: 'myColumnData',
        type: 'string[]',
        label: 'Cells / Column values',
        description: 'One value per cell, starting in column `A`.',
      });
      return props;
    }
    ws.headers.forEach((header, i) => {
      const letter = columnLetter(i);
      props.push({
        name: `col_${letter}`,
        type: 'string',
        label: header,
        description: `Column ${letter} of **${ws.name}**.`,
        optional: true,
      });
    });
    return props;
  },
  run(ctx) {
    requireAccount(ctx, 'google_sheets', 'Google Sheets');
    const sheetId = text(ctx.configuredProps.sheetId);
    if (!sheetId) throw namedError('ConfigurationError', 'Spreadsheet is required');
    const ws = findWorksheet(sheetId, ctx.configuredProps.worksheetId);
    if (!ws) throw namedError('GoogleApiError', `Unable to parse range: worksheet ${text(ctx.configuredProps.worksheetId) || '(none)'} not found`);
    const values = flag(ctx.configuredProps.hasHeaders, true)
      ? ws.headers.map((_, i) => text(ctx.configuredProps[`col_${columnLetter(i)}`]))
      : list(ctx.configuredProps.myColumnData);
    if (values.length === 0) throw namedError('ConfigurationError', 'Provide at least one cell value');
    const lastCol = columnLetter(Math.max(values.length, 1) - 1);
    const rowNumber = 2 + (hash(`${sheetId}/${ws.name}/${values.join('\u0001')}`) % 500);
    const sheetName = labelOfValue(ctx.configuredProps.sheetId) ?? sheetId;
    ctx.$.export('$summary', `Added 1 row to "${ws.name}" in ${sheetName} (row ${rowNumber}: ${truncate(values.join(', '), 60)})`);
    return {
      spreadsheetId: sheetId,
      tableRange: `'${ws.name}'!A1:${lastCol}${rowNumber - 1}`,
      updates: {
        spreadsheetId: sheetId,
        updatedRange: `'${ws.name}'!A${rowNumber}:${lastCol}${rowNumber}`,
        updatedRows: 1,
        updatedColumns: values.length,
        updatedCells: values.length,
      },
      values: [values],
    };
  },
};

const sheetsNewRow: EmulatorComponent = {
  key: 'google_sheets-new-row-added-polling',
  app: 'google_sheets',
  name: 'New Row Added',
  version: '0.0.8',
  description: 'Emit new event each time a row is added to the bottom of a worksheet.',
  component_type: 'trigger',
  configurable_props: [
    { name: 'google_sheets', type: 'app', app: 'google_sheets' },
    { name: 'db', type: '$.service.db' },
    {
      name: 'timer',
      type: '$.interface.timer',
      label: 'Polling interval',
      description: 'How often to check the worksheet for new rows.',
      default: { intervalSeconds: 900 },
    },
    {
      name: 'sheetId',
      type: 'string',
      label: 'Spreadsheet',
      remoteOptions: true,
      useQuery: true,
      withLabel: true,
    },
    {
      name: 'worksheetIDs',
      type: 'string[]',
      label: 'Worksheets',
      description: 'Watch only these tabs; leave empty to watch all of them.',
      remoteOptions: true,
      optional: true,
    },
  ],
  options: {
    sheetId: sheetIdOptions,
    worksheetIDs(ctx) {
      return worksheetOptions(ctx);
    },
  },
  sampleEvents(ctx) {
    const sheetId = text(ctx.configuredProps.sheetId) || 'sample-spreadsheet';
    const chosen = list(ctx.configuredProps.worksheetIDs);
    const all = worksheets(sheetId);
    const watched = chosen.length ? all.filter((w) => chosen.includes(String(w.id))) : all.slice(0, 1);
    return (watched.length ? watched : all.slice(0, 1)).slice(0, 3).map((ws, i) => {
      const rowNumber = 10 + (hash(`${sheetId}/${ws.id}`) % 200) + i;
      return {
        newRow: ws.headers.map((h) => `${h} ${rowNumber}`),
        rowNumber,
        worksheet: { sheetId: ws.id, title: ws.name },
        sheet: { spreadsheetId: sheetId, title: labelOfValue(ctx.configuredProps.sheetId) ?? sheetId },
      };
    });
  },
};

// ---------------------------------------------------------------------------------------------
// Gmail
// ---------------------------------------------------------------------------------------------

function gmailLabels(acc: AccountLike): string[] {
  const user = handle(acc.name).split('-')[0] || 'me';
  return ['INBOX', 'IMPORTANT', 'STARRED', 'SENT', 'SPAM', 'Receipts', 'Travel', `${user}/Projects`, `${user}/Follow up`];
}

const gmailSendEmail: EmulatorComponent = {
  key: 'gmail-send-email',
  app: 'gmail',
  name: 'Send Email',
  version: '0.1.15',
  description: 'Send an email from your Google account. See the [Gmail API docs](https://developers.google.com/gmail/api/reference/rest/v1/users.messages/send).',
  component_type: 'action',
  annotations: hints(false),
  configurable_props: [
    { name: 'gmail', type: 'app', app: 'gmail' },
    { name: 'to', type: 'string[]', label: 'To', description: 'Recipient email addresses.' },
    { name: 'cc', type: 'string[]', label: 'Cc', optional: true },
    { name: 'bcc', type: 'string[]', label: 'Bcc', optional: true },
    { name: 'fromName', type: 'string', label: 'From name', description: 'Shown instead of your address.', optional: true },
    { name: 'subject', type: 'string', label: 'Subject' },
    { name: 'body', type: 'string', label: 'Email body', description: 'Plain text or HTML, depending on **Body type**.' },
    {
      name: 'bodyType',
      type: 'string',
      label: 'Body type',
      options: [
        { label: 'Plain text', value: 'plaintext' },
        { label: 'HTML', value: 'html' },
      ],
      default: 'plaintext',
      optional: true,
    },
    {
      name: 'attachments',
      type: 'object',
      label: 'Attachments',
      description: 'File name → public URL, e.g. `report.pdf` → `https://example.com/report.pdf`.',
      optional: true,
    },
    {
      name: 'attachmentFile',
      type: 'string',
      label: 'Attachment from a previous step',
      description: 'A path in `/tmp` or a file URL.',
      format: 'file-ref',
      optional: true,
    },
  ],
  run(ctx) {
    const acc = requireAccount(ctx, 'gmail', 'Gmail');
    const to = list(ctx.configuredProps.to);
    if (to.length === 0) throw namedError('ConfigurationError', 'At least one recipient is required');
    const bad = to.find((addr) => !/^[^@\s]+@[^@\s]+$/.test(addr));
    if (bad) throw namedError('GaxiosError', `Invalid To header: ${bad}`);
    const subject = text(ctx.configuredProps.subject);
    const seed = `${acc.id}/${to.join(',')}/${subject}/${text(ctx.configuredProps.body)}`;
    const attachments = Object.keys(record(ctx.configuredProps.attachments));
    const file = text(ctx.configuredProps.attachmentFile);
    if (file) attachments.push(file.split('/').pop() ?? file);
    ctx.$.export('$summary', `Sent email "${truncate(subject, 50)}" to ${to.join(', ')}`);
    return {
      id: idFrom(seed, HEX, 16),
      threadId: idFrom(`${seed}/thread`, HEX, 16),
      labelIds: ['SENT'],
      from: text(ctx.configuredProps.fromName) ? `${text(ctx.configuredProps.fromName)} <${acc.name}>` : acc.name,
      to,
      cc: list(ctx.configuredProps.cc),
      subject,
      contentType: text(ctx.configuredProps.bodyType, 'plaintext') === 'html' ? 'text/html' : 'text/plain',
      attachments,
    };
  },
};

const gmailNewEmail: EmulatorComponent = {
  key: 'gmail-new-email-received',
  app: 'gmail',
  name: 'New Email Received',
  version: '0.2.3',
  description: 'Emit new event when a new email arrives that matches the labels and search query.',
  component_type: 'trigger',
  configurable_props: [
    { name: 'gmail', type: 'app', app: 'gmail' },
    { name: 'db', type: '$.service.db' },
    // Gmail's polling source runs every minute; the interval is not user-adjustable.
    { name: 'timer', type: '$.interface.timer', static: { intervalSeconds: 60 } },
    {
      name: 'labels',
      type: 'string[]',
      label: 'Labels',
      description: 'Only emails with one of these labels. Defaults to `INBOX`.',
      remoteOptions: true,
      optional: true,
    },
    {
      name: 'q',
      type: 'string',
      label: 'Search query',
      description: 'Gmail search syntax, e.g. `from:billing@stripe.com has:attachment`.',
      optional: true,
    },
    { name: 'withTextPayload', type: 'boolean', label: 'Include plain-text body', optional: true, default: false },
  ],
  options: {
    labels(ctx) {
      const acc = ctx.accounts.gmail;
      if (!acc) return configurationError('Connect a Gmail account first');
      // Gmail label ids are plain strings, so this prop answers with `stringOptions`.
      return { stringOptions: gmailLabels(acc) };
    },
  },
  sampleEvents(ctx) {
    const acc = sampleAccount(ctx, 'gmail');
    const labels = list(ctx.configuredProps.labels);
    const q = text(ctx.configuredProps.q);
    const subjects = ['Your receipt from Acme Cloud', 'Re: Q3 planning', 'Flight itinerary: SFO → JFK'];
    return subjects.slice(0, 2).map((subject, i) => {
      const id = idFrom(`${acc.id}/${q}/${i}`, HEX, 16);
      return {
        id,
        threadId: id,
        labelIds: labels.length ? labels : ['INBOX', 'UNREAD'],
        snippet: q ? `Matched "${q}": ${subject}` : subject,
        payload: { headers: [{ name: 'Subject', value: subject }, { name: 'To', value: acc.name }] },
        internalDate: String(Date.parse(isoFrom(id))),
        ...(flag(ctx.configuredProps.withTextPayload, false) ? { text: `Hello,\n\n${subject}.\n` } : {}),
      };
    });
  },
};

// ---------------------------------------------------------------------------------------------
// Notion
// ---------------------------------------------------------------------------------------------

type NotionKind = 'title' | 'rich_text' | 'select' | 'multi_select' | 'number' | 'checkbox' | 'date' | 'url' | 'people';

interface NotionProperty {
  name: string;
  kind: NotionKind;
  options?: string[];
  min?: number;
  max?: number;
}

const NOTION_DATABASES: { name: string; properties: NotionProperty[] }[] = [
  {
    name: 'Tasks',
    properties: [
      { name: 'Name', kind: 'title' },
      { name: 'Status', kind: 'select', options: ['Not started', 'In progress', 'Done'] },
      { name: 'Assignee', kind: 'people' },
      { name: 'Due date', kind: 'date' },
      { name: 'Priority', kind: 'select', options: ['Low', 'Medium', 'High'] },
      { name: 'Estimate (h)', kind: 'number', min: 0, max: 100 },
      { name: 'Blocked', kind: 'checkbox' },
    ],
  },
  {
    name: 'Meeting notes',
    properties: [
      { name: 'Title', kind: 'title' },
      { name: 'Date', kind: 'date' },
      { name: 'Type', kind: 'select', options: ['Standup', '1:1', 'Planning', 'Retro'] },
      { name: 'Attendees', kind: 'multi_select', options: ['Ada', 'Grace', 'Linus', 'Margaret'] },
    ],
  },
  {
    name: 'CRM',
    properties: [
      { name: 'Company', kind: 'title' },
      { name: 'Stage', kind: 'select', options: ['Lead', 'Qualified', 'Proposal', 'Won', 'Lost'] },
      { name: 'Deal size', kind: 'number', min: 0 },
      { name: 'Tags', kind: 'multi_select', options: ['Enterprise', 'SMB', 'Partner', 'Renewal'] },
      { name: 'Website', kind: 'url' },
    ],
  },
  {
    name: 'Reading list',
    properties: [
      { name: 'Title', kind: 'title' },
      { name: 'Author', kind: 'rich_text' },
      { name: 'Status', kind: 'select', options: ['To read', 'Reading', 'Finished'] },
      { name: 'Rating', kind: 'number', min: 1, max: 5 },
      { name: 'Link', kind: 'url' },
    ],
  },
  {
    name: 'Bug reports',
    properties: [
      { name: 'Summary', kind: 'title' },
      { name: 'Severity', kind: 'select', options: ['S1', 'S2', 'S3', 'S4'] },
      { name: 'Steps to reproduce', kind: 'rich_text' },
      { name: 'Regression', kind: 'checkbox' },
    ],
  },
  {
    name: 'Content calendar',
    properties: [
      { name: 'Headline', kind: 'title' },
      { name: 'Channels', kind: 'multi_select', options: ['Blog', 'Newsletter', 'LinkedIn', 'YouTube'] },
      { name: 'Publish date', kind: 'date' },
      { name: 'Owner', kind: 'people' },
    ],
  },
];

function notionDatabases(acc: AccountLike): LabelValue[] {
  return NOTION_DATABASES.map((db) => ({ label: db.name, value: uuidFrom(`${acc.id}/${db.name}`) }));
}

/** Finds the database schema by id (the label is the schema key; ids depend on the account). */
function notionSchema(ctx: PropsContext, value: unknown): { id: string; name: string; properties: NotionProperty[] } | undefined {
  const id = text(value);
  if (!id) return undefined;
  const acc = ctx.accounts.notion;
  const byId = acc ? notionDatabases(acc).find((d) => d.value === id)?.label : undefined;
  const name = byId ?? labelOfValue(value);
  const db = NOTION_DATABASES.find((d) => d.name === name);
  return db ? { id, name: db.name, properties: db.properties } : undefined;
}

function notionPropName(p: NotionProperty): string {
  return `property_${handle(p.name).replace(/-/g, '_')}`;
}

function notionProp(p: NotionProperty): ConfigurableProp {
  const base = { name: notionPropName(p), label: p.name, optional: p.kind !== 'title' };
  switch (p.kind) {
    case 'title':
      return { ...base, type: 'string', description: 'The page title.' };
    case 'select':
      return { ...base, type: 'string', options: p.options ?? [] };
    case 'multi_select':
      return { ...base, type: 'string[]', options: p.options ?? [] };
    case 'number':
      return { ...base, type: 'integer', ...(p.min !== undefined ? { min: p.min } : {}), ...(p.max !== undefined ? { max: p.max } : {}) };
    case 'checkbox':
      return { ...base, type: 'boolean' };
    case 'date':
      return { ...base, type: 'string', description: 'An ISO 8601 date, e.g. `2025-03-31`.' };
    case 'url':
      return { ...base, type: 'string', description: 'A full URL including `https://`.' };
    case 'people':
      return { ...base, type: 'string', description: 'Email address of a workspace member.' };
    default:
      return { ...base, type: 'string' };
  }
}

const notionStaticProps: ConfigurableProp[] = [
  { name: 'notion', type: 'app', app: 'notion' },
  {
    name: 'parentDataSource',
    type: 'string',
    label: 'Parent database',
    description: 'Databases shared with the integration. The page gets one field per database property.',
    remoteOptions: true,
    useQuery: true,
    withLabel: true,
    reloadProps: true,
  },
  {
    name: 'pageContent',
    type: 'string',
    label: 'Page content',
    description: 'Body of the page in **Markdown**: headings, lists, `code` and [links](https://www.notion.so) are converted to blocks.',
    optional: true,
  },
];

const notionCreatePage: EmulatorComponent = {
  key: 'notion-create-page-from-database',
  app: 'notion',
  name: 'Create Page from Database',
  version: '0.2.1',
  description: 'Create a page in a database, filling its properties. See the [Notion API docs](https://developers.notion.com/reference/post-page).',
  component_type: 'action',
  annotations: hints(false),
  configurable_props: notionStaticProps,
  options: {
    parentDataSource(ctx) {
      const acc = ctx.accounts.notion;
      if (!acc) return configurationError('Connect a Notion account first');
      if ((ctx.query ?? '').trim().toLowerCase() === 'error') {
        return optionsError('Error', 'Request was rate limited by Notion (HTTP 429). Try again in a few seconds.');
      }
      return { options: filterByQuery(notionDatabases(acc), ctx.query) };
    },
  },
  reload(ctx) {
    const schema = notionSchema(ctx, ctx.configuredProps.parentDataSource);
    return schema ? [...notionStaticProps, ...schema.properties.map(notionProp)] : [...notionStaticProps];
  },
  run(ctx) {
    requireAccount(ctx, 'notion', 'Notion');
    const schema = notionSchema(ctx, ctx.configuredProps.parentDataSource);
    if (!schema) throw namedError('APIResponseError', 'Could not find database. Make sure it is shared with the integration.');
    const properties: Record<string, unknown> = {};
    let title = 'Untitled';
    for (const p of schema.properties) {
      const raw = ctx.configuredProps[notionPropName(p)];
      if (raw === undefined || raw === null || raw === '') continue;
      switch (p.kind) {
        case 'title':
          title = text(raw) || title;
          properties[p.name] = { title: [{ plain_text: title }] };
          break;
        case 'multi_select':
          properties[p.name] = { multi_select: list(raw).map((name) => ({ name })) };
          break;
        case 'select':
          properties[p.name] = { select: { name: text(raw) } };
          break;
        case 'number':
          properties[p.name] = { number: int(raw, 0) };
          break;
        case 'checkbox':
          properties[p.name] = { checkbox: flag(raw, false) };
          break;
        default:
          properties[p.name] = { [p.kind]: text(raw) };
      }
    }
    const id = uuidFrom(`${schema.id}/${JSON.stringify(properties)}`);
    const content = text(ctx.configuredProps.pageContent);
    ctx.$.export('$summary', `Created page "${truncate(title, 60)}" in ${schema.name}`);
    return {
      object: 'page',
      id,
      created_time: isoFrom(id),
      parent: { type: 'database_id', database_id: schema.id },
      url: `https://www.notion.so/${handle(title) || 'untitled'}-${id.replace(/-/g, '')}`,
      properties,
      blocks: content ? content.split(/\n{2,}/).length : 0,
    };
  },
};

// ---------------------------------------------------------------------------------------------
// HubSpot
// ---------------------------------------------------------------------------------------------

const hubspotCreateContact: EmulatorComponent = {
  key: 'hubspot-create-or-update-contact',
  app: 'hubspot',
  name: 'Create or Update Contact',
  version: '0.0.20',
  description: 'Create a contact, or update it when the email address already exists.',
  component_type: 'action',
  annotations: hints(false),
  configurable_props: [
    { name: 'hubspot', type: 'app', app: 'hubspot' },
    { name: 'email', type: 'string', label: 'Email', description: 'Contacts are matched on this address.' },
    { name: 'firstname', type: 'string', label: 'First name', optional: true },
    { name: 'lastname', type: 'string', label: 'Last name', optional: true },
    {
      name: 'lifecyclestage',
      type: 'string',
      label: 'Lifecycle stage',
      options: [
        { label: 'Subscriber', value: 'subscriber' },
        { label: 'Lead', value: 'lead' },
        { label: 'Marketing qualified lead', value: 'marketingqualifiedlead' },
        { label: 'Sales qualified lead', value: 'salesqualifiedlead' },
        { label: 'Opportunity', value: 'opportunity' },
        { label: 'Customer', value: 'customer' },
      ],
      optional: true,
      default: 'lead',
    },
    {
      name: 'additionalProperties',
      type: 'object',
      label: 'Additional properties',
      description: 'Other contact properties by internal name, e.g. `jobtitle` or `phone`.',
      optional: true,
    },
  ],
  run(ctx) {
    requireAccount(ctx, 'hubspot', 'HubSpot');
    const email = text(ctx.configuredProps.email).trim();
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
      throw namedError('HubSpotApiError', `Property values were not valid: [{"isValid":false,"message":"Email address ${email || '(empty)'} is invalid","error":"INVALID_EMAIL","name":"email"}]`);
    }
    const properties: Record<string, unknown> = {
      email,
      lifecyclestage: text(ctx.configuredProps.lifecyclestage, 'lead'),
      ...record(ctx.configuredProps.additionalProperties),
    };
    const first = text(ctx.configuredProps.firstname);
    const last = text(ctx.configuredProps.lastname);
    if (first) properties.firstname = first;
    if (last) properties.lastname = last;
    const existing = hash(email) % 3 === 0;
    const id = String(10_000_000_000 + (hash(email) % 90_000_000_000));
    ctx.$.export('$summary', `${existing ? 'Updated' : 'Created'} contact ${[first, last].filter(Boolean).join(' ') || email} (ID ${id})`);
    return { id, properties, createdAt: isoFrom(email), archived: false, updated: existing };
  },
};

const hubspotDeleteContact: EmulatorComponent = {
  key: 'hubspot-delete-contact',
  app: 'hubspot',
  name: 'Delete Contact',
  version: '0.0.3',
  description: 'Archive a contact by ID. Archived contacts can be restored for 90 days.',
  component_type: 'action',
  annotations: hints(false, true),
  configurable_props: [
    { name: 'hubspot', type: 'app', app: 'hubspot' },
    {
      name: 'scopeAlert',
      type: 'alert',
      alertType: 'error',
      content: 'Deleting contacts needs the `crm.objects.contacts.write` scope. Accounts connected with the **read_only** scope profile cannot run this action.',
    },
    { name: 'contactId', type: 'string', label: 'Contact ID', description: 'The numeric `hs_object_id` of the contact.' },
  ],
  run(ctx) {
    requireAccount(ctx, 'hubspot', 'HubSpot');
    const id = text(ctx.configuredProps.contactId);
    ctx.$.log(`DELETE /crm/v3/objects/contacts/${id}`);
    // Always refused: lets a UI show a permission error that no input can fix.
    throw namedError(
      'HubSpotApiError',
      "MISSING_SCOPES: This app hasn't been granted all required scopes to make this call. Required: crm.objects.contacts.write",
    );
  },
};

// ---------------------------------------------------------------------------------------------
// Airtable
// ---------------------------------------------------------------------------------------------

const AIRTABLE_BASES = ['Product Roadmap', 'Content Calendar', 'Inventory', 'Event Planning', 'Applicant Tracking'];
const AIRTABLE_TABLES = ['Tasks', 'Projects', 'Clients', 'Invoices', 'Items', 'Events', 'Applicants', 'Vendors'];
const AIRTABLE_VIEWS = ['Grid view', 'Kanban', 'Calendar', 'By owner', 'Open items'];
const AIRTABLE_FIELDS = ['Name', 'Status', 'Owner', 'Due date', 'Notes', 'Amount', 'Created'];

function airtableBases(acc: AccountLike): LabelValue[] {
  return AIRTABLE_BASES.map((name) => ({ label: name, value: `app${idFrom(`${acc.id}/${name}`, ALNUM, 14)}` }));
}
function airtableTables(baseId: string): LabelValue[] {
  return subset(AIRTABLE_TABLES, baseId, 2)
    .slice(0, 4)
    .map((name) => ({ label: name, value: `tbl${idFrom(`${baseId}/${name}`, ALNUM, 14)}` }));
}
function airtableViews(tableId: string): LabelValue[] {
  return subset(AIRTABLE_VIEWS, tableId, 1).map((name) => ({ label: name, value: `viw${idFrom(`${tableId}/${name}`, ALNUM, 14)}` }));
}
function airtableFields(tableId: string): LabelValue[] {
  return subset(AIRTABLE_FIELDS, tableId, 3).map((name) => ({ label: name, value: `fld${idFrom(`${tableId}/${name}`, ALNUM, 14)}` }));
}

function airtableBaseOptions(ctx: OptionsContext): OptionsResult {
  const acc = ctx.accounts.airtable_oauth;
  if (!acc) return configurationError('Connect an Airtable account first');
  return { options: filterByQuery(airtableBases(acc), ctx.query) };
}

function airtableTableOptions(ctx: OptionsContext): OptionsResult {
  const baseId = text(ctx.configuredProps.baseId);
  if (!baseId) return configurationError('Select a base first');
  return { options: airtableTables(baseId) };
}

function airtableViewOptions(ctx: OptionsContext): OptionsResult {
  const tableId = text(ctx.configuredProps.tableId);
  if (!tableId) return configurationError('Select a table first');
  return { options: airtableViews(tableId) };
}

function airtableFieldOptions(ctx: OptionsContext): OptionsResult {
  const tableId = text(ctx.configuredProps.tableId);
  if (!tableId) return configurationError('Select a table first');
  return { options: airtableFields(tableId) };
}

const airtableBaseProps: ConfigurableProp[] = [
  { name: 'airtable_oauth', type: 'app', app: 'airtable_oauth' },
  { name: 'baseId', type: '$.airtable.baseId', appProp: 'airtable_oauth', label: 'Base', description: 'The base to use.' },
  { name: 'tableId', type: '$.airtable.tableId', baseIdProp: 'baseId', label: 'Table', description: 'A table of the selected base.' },
];

function airtableRecordFields(tableId: string, seed: string, i: number): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const f of airtableFields(tableId)) {
    const s = `${seed}/${f.label}/${i}`;
    switch (f.label) {
      case 'Amount':
        fields[f.label] = (hash(s) % 100_000) / 100;
        break;
      case 'Due date':
      case 'Created':
        fields[f.label] = isoFrom(s).slice(0, 10);
        break;
      case 'Status':
        fields[f.label] = pick(['Todo', 'In progress', 'Done'], s);
        break;
      case 'Owner':
        fields[f.label] = pick(['Ada Lovelace', 'Grace Hopper', 'Alan Turing'], s);
        break;
      default:
        fields[f.label] = `${f.label} ${i + 1}`;
    }
  }
  return fields;
}

const airtableCreateRecord: EmulatorComponent = {
  key: 'airtable_oauth-create-single-record',
  app: 'airtable_oauth',
  name: 'Create Single Record',
  version: '0.0.11',
  description: 'Add one record to a table. See the [Airtable API docs](https://airtable.com/developers/web/api/create-records).',
  component_type: 'action',
  annotations: hints(false),
  configurable_props: [
    ...airtableBaseProps,
    {
      name: 'record',
      type: 'object',
      label: 'Record',
      description: 'Field name → value. JSON values are parsed, e.g. `Done` → `true`, `Tags` → `["a","b"]`.',
    },
    {
      name: 'typecast',
      type: 'boolean',
      label: 'Typecast',
      description: 'Let Airtable convert strings to the field types (and create missing select options).',
      optional: true,
      default: false,
    },
  ],
  options: { baseId: airtableBaseOptions, tableId: airtableTableOptions },
  run(ctx) {
    requireAccount(ctx, 'airtable_oauth', 'Airtable');
    const tableId = text(ctx.configuredProps.tableId);
    if (!tableId) throw namedError('ConfigurationError', 'Table is required');
    const fields = record(ctx.configuredProps.record);
    if (Object.keys(fields).length === 0) {
      throw namedError('AirtableError', 'INVALID_REQUEST_MISSING_FIELDS: Could not find field "fields" in the request body');
    }
    const id = `rec${idFrom(`${tableId}/${JSON.stringify(fields)}`, ALNUM, 14)}`;
    const tableName = labelOfValue(ctx.configuredProps.tableId) ?? airtableTables(text(ctx.configuredProps.baseId)).find((t) => t.value === tableId)?.label ?? tableId;
    ctx.$.export('$summary', `Created record ${id} in ${tableName} with ${plural(Object.keys(fields).length, 'field')}`);
    return { id, createdTime: isoFrom(id), fields, typecast: flag(ctx.configuredProps.typecast, false) };
  },
};

const airtableListRecords: EmulatorComponent = {
  key: 'airtable_oauth-list-records-in-view',
  app: 'airtable_oauth',
  name: 'List Records in View',
  version: '0.0.9',
  description: 'Retrieve the records of a view, optionally sorted and filtered.',
  component_type: 'action',
  annotations: hints(true),
  configurable_props: [
    ...airtableBaseProps,
    { name: 'viewId', type: '$.airtable.viewId', tableIdProp: 'tableId', label: 'View' },
    { name: 'sortFieldId', type: '$.airtable.fieldId', tableIdProp: 'tableId', label: 'Sort field', optional: true },
    {
      name: 'sortDirection',
      type: 'string',
      label: 'Sort direction',
      options: [
        { label: 'Ascending', value: 'asc' },
        { label: 'Descending', value: 'desc' },
      ],
      default: 'asc',
      optional: true,
    },
    {
      name: 'maxRecords',
      type: 'integer',
      label: 'Max records',
      description: 'At most 100 records per run.',
      min: 1,
      max: 100,
      default: 20,
    },
    {
      name: 'filterByFormula',
      type: 'string',
      label: 'Filter by formula',
      description: "An [Airtable formula](https://support.airtable.com/docs/formula-field-reference), e.g. `{Status} = 'Done'`.",
      optional: true,
    },
  ],
  options: {
    baseId: airtableBaseOptions,
    tableId: airtableTableOptions,
    viewId: airtableViewOptions,
    sortFieldId: airtableFieldOptions,
  },
  run(ctx) {
    requireAccount(ctx, 'airtable_oauth', 'Airtable');
    const tableId = text(ctx.configuredProps.tableId);
    const viewId = text(ctx.configuredProps.viewId);
    if (!tableId || !viewId) throw namedError('ConfigurationError', 'Table and view are required');
    const formula = text(ctx.configuredProps.filterByFormula);
    const total = 5 + (hash(`${viewId}/${formula}`) % 40);
    const count = Math.min(Math.max(int(ctx.configuredProps.maxRecords, 20), 1), 100, total);
    const records = Array.from({ length: count }, (_, i) => {
      const id = `rec${idFrom(`${viewId}/${i}`, ALNUM, 14)}`;
      return { id, createdTime: isoFrom(id), fields: airtableRecordFields(tableId, viewId, i) };
    });
    const sortField = airtableFields(tableId).find((f) => f.value === text(ctx.configuredProps.sortFieldId))?.label;
    if (sortField) {
      const dir = text(ctx.configuredProps.sortDirection, 'asc') === 'desc' ? -1 : 1;
      records.sort((a, b) => dir * String(a.fields[sortField]).localeCompare(String(b.fields[sortField])));
    }
    const viewName = labelOfValue(ctx.configuredProps.viewId) ?? airtableViews(tableId).find((v) => v.value === viewId)?.label ?? viewId;
    ctx.$.export('$summary', `Retrieved ${plural(records.length, 'record')} from view "${viewName}"${sortField ? ` sorted by ${sortField}` : ''}`);
    return records;
  },
};

const airtableNewRecords: EmulatorComponent = {
  key: 'airtable_oauth-new-records-in-view',
  app: 'airtable_oauth',
  name: 'New Records in View',
  version: '0.0.7',
  description: 'Emit new event for each record added to a view.',
  component_type: 'trigger',
  configurable_props: [
    ...airtableBaseProps,
    { name: 'viewId', type: '$.airtable.viewId', tableIdProp: 'tableId', label: 'View' },
    { name: 'db', type: '$.service.db' },
    { name: 'timer', type: '$.interface.timer', default: { intervalSeconds: 900 } },
  ],
  options: { baseId: airtableBaseOptions, tableId: airtableTableOptions, viewId: airtableViewOptions },
  sampleEvents(ctx) {
    const tableId = text(ctx.configuredProps.tableId) || 'tblSample';
    const viewId = text(ctx.configuredProps.viewId) || 'viwSample';
    return [0, 1].map((i) => {
      const id = `rec${idFrom(`${viewId}/new/${i}`, ALNUM, 14)}`;
      return { id, createdTime: isoFrom(id), fields: airtableRecordFields(tableId, `${viewId}/new`, i), viewId, tableId };
    });
  },
};

// ---------------------------------------------------------------------------------------------
// Discord (bot)
// ---------------------------------------------------------------------------------------------

const DISCORD_CHANNELS = ['general', 'announcements', 'support', 'off-topic', 'dev-chat', 'bot-logs'];

function discordChannels(acc: AccountLike): LabelValue[] {
  return DISCORD_CHANNELS.map((name) => ({ label: `#${name}`, value: snowflake(`${acc.id}/${name}`) }));
}

function discordChannelOptions(ctx: OptionsContext): OptionsResult {
  const acc = ctx.accounts.discord_bot;
  if (!acc) return configurationError('Connect a Discord Bot account first');
  return { options: filterByQuery(discordChannels(acc), ctx.query) };
}

const discordSendMessage: EmulatorComponent = {
  key: 'discord_bot-send-message',
  app: 'discord_bot',
  name: 'Send Message',
  version: '0.0.16',
  description: 'Send a message to a text channel the bot can see.',
  component_type: 'action',
  annotations: hints(false),
  configurable_props: [
    { name: 'discord_bot', type: 'app', app: 'discord_bot' },
    { name: 'channelId', type: '$.discord.channel', appProp: 'discord_bot', label: 'Channel' },
    { name: 'message', type: 'string', label: 'Message', description: 'Up to 2,000 characters. Discord Markdown works: `**bold**`, `||spoiler||`.' },
    { name: 'username', type: 'string', label: 'Username override', optional: true },
    { name: 'avatarURL', type: 'string', label: 'Avatar URL', optional: true },
    { name: 'tts', type: 'boolean', label: 'Text to speech', optional: true, default: false },
  ],
  options: { channelId: discordChannelOptions },
  run(ctx) {
    const acc = requireAccount(ctx, 'discord_bot', 'Discord Bot');
    const channelId = text(ctx.configuredProps.channelId);
    if (!channelId) throw namedError('ConfigurationError', 'Channel is required');
    const content = text(ctx.configuredProps.message);
    if (content.length > 2000) throw namedError('DiscordAPIError', 'Invalid Form Body: content: Must be 2000 or fewer in length.');
    const channel = discordChannels(acc).find((c) => c.value === channelId)?.label ?? labelOfValue(ctx.configuredProps.channelId) ?? channelId;
    const id = snowflake(`${channelId}/${content}`);
    ctx.$.export('$summary', `Sent message to ${channel}: "${truncate(content, 60)}"`);
    return {
      id,
      channel_id: channelId,
      content,
      tts: flag(ctx.configuredProps.tts, false),
      author: { id: snowflake(acc.id), username: text(ctx.configuredProps.username) || acc.name, bot: true },
      timestamp: isoFrom(id),
    };
  },
};

const discordNewMessage: EmulatorComponent = {
  key: 'discord_bot-new-message-in-channel',
  app: 'discord_bot',
  name: 'New Message in Channel',
  version: '0.0.13',
  description: 'Emit new event for each message posted to the selected channels.',
  component_type: 'trigger',
  configurable_props: [
    { name: 'discord_bot', type: 'app', app: 'discord_bot' },
    { name: 'discordApphook', type: '$.interface.apphook', appProp: 'discord_bot', eventNames: ['MESSAGE_CREATE'] },
    { name: 'channels', type: '$.discord.channel[]', appProp: 'discord_bot', label: 'Channels', description: 'Leave empty for every channel.', optional: true },
    { name: 'ignoreBots', type: 'boolean', label: 'Ignore bots', optional: true, default: true },
  ],
  options: { channels: discordChannelOptions },
  sampleEvents(ctx) {
    const acc = sampleAccount(ctx, 'discord_bot');
    const chosen = list(ctx.configuredProps.channels);
    const ids = chosen.length ? chosen : [String(discordChannels(acc)[0]?.value)];
    return ids.slice(0, 3).map((channelId, i) => ({
      id: snowflake(`${channelId}/event/${i}`),
      channel_id: channelId,
      content: pick(['gm everyone', 'is the build green?', 'new release notes are up'], `${channelId}/${i}`),
      author: { id: snowflake(`${channelId}/author`), username: pick(['ada', 'grace', 'linus'], channelId), bot: false },
      timestamp: isoFrom(`${channelId}/${i}`),
    }));
  },
};

// ---------------------------------------------------------------------------------------------
// OpenAI
// ---------------------------------------------------------------------------------------------

const openaiChat: EmulatorComponent = {
  key: 'openai-chat',
  app: 'openai',
  name: 'Chat',
  version: '0.3.2',
  description: 'Send a message to a chat model and get its reply. See the [Chat Completions docs](https://platform.openai.com/docs/api-reference/chat).',
  component_type: 'action',
  annotations: hints(false),
  configurable_props: [
    { name: 'openai', type: 'app', app: 'openai' },
    {
      name: 'modelId',
      type: 'string',
      label: 'Model',
      options: [
        { label: 'GPT-4o mini', value: 'gpt-4o-mini' },
        { label: 'GPT-4o', value: 'gpt-4o' },
        { label: 'GPT-4.1', value: 'gpt-4.1' },
        'o3-mini',
      ],
      default: 'gpt-4o-mini',
    },
    { name: 'userMessage', type: 'string', label: 'User message', description: 'The prompt.' },
    {
      name: 'systemInstructions',
      type: 'string',
      label: 'System instructions',
      description: 'Sets the tone and rules, e.g. _"Answer in one sentence."_',
      optional: true,
    },
    { name: 'maxTokens', type: 'integer', label: 'Max tokens', min: 1, max: 4096, default: 256, optional: true },
    { name: 'stop', type: 'string[]', label: 'Stop sequences', description: 'Up to 4 sequences.', optional: true },
    {
      name: 'stream',
      type: 'boolean',
      label: 'Stream response',
      description: 'Streaming is not available in actions; the full reply is returned.',
      disabled: true,
      default: false,
      optional: true,
    },
  ],
  run(ctx) {
    requireAccount(ctx, 'openai', 'OpenAI');
    const model = text(ctx.configuredProps.modelId, 'gpt-4o-mini');
    const prompt = text(ctx.configuredProps.userMessage).trim();
    if (!prompt) throw namedError('BadRequestError', "400 Invalid 'messages[0].content': string too short. Expected a string with minimum length 1.");
    const system = text(ctx.configuredProps.systemInstructions);
    const maxTokens = Math.min(Math.max(int(ctx.configuredProps.maxTokens, 256), 1), 4096);
    const words = prompt.split(/\s+/);
    const full = `You asked about "${words.slice(0, 12).join(' ')}${words.length > 12 ? '…' : ''}" (${plural(words.length, 'word')}).${system ? ` Following your instructions: ${truncate(system, 40)}` : ''}`;
    const replyWords = full.split(' ');
    const content = replyWords.slice(0, maxTokens).join(' ');
    const promptTokens = Math.ceil((prompt.length + system.length) / 4);
    const completionTokens = Math.min(replyWords.length, maxTokens);
    ctx.$.export('$summary', `${model} replied to "${truncate(prompt, 40)}" with ${plural(completionTokens, 'token')}`);
    return {
      id: `chatcmpl-${idFrom(`${model}/${prompt}/${system}`, ALNUM, 24)}`,
      object: 'chat.completion',
      model,
      choices: [
        { index: 0, message: { role: 'assistant', content }, finish_reason: replyWords.length > maxTokens ? 'length' : 'stop' },
      ],
      usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
    };
  },
};

const openaiEmbeddings: EmulatorComponent = {
  key: 'openai-create-embeddings',
  app: 'openai',
  name: 'Create Embeddings',
  version: '0.0.19',
  description: 'Turn text into vectors for search and clustering.',
  component_type: 'action',
  annotations: hints(true),
  configurable_props: [
    { name: 'openai', type: 'app', app: 'openai' },
    {
      name: 'modelId',
      type: 'string',
      label: 'Model',
      options: ['text-embedding-3-small', 'text-embedding-3-large'],
      default: 'text-embedding-3-small',
    },
    { name: 'input', type: 'string[]', label: 'Input', description: 'One embedding is created per item.' },
    { name: 'dimensions', type: 'integer', label: 'Dimensions', min: 1, max: 16, default: 8, optional: true },
  ],
  run(ctx) {
    requireAccount(ctx, 'openai', 'OpenAI');
    const model = text(ctx.configuredProps.modelId, 'text-embedding-3-small');
    const input = list(ctx.configuredProps.input);
    if (input.length === 0) throw namedError('BadRequestError', "400 '$.input' is invalid: it must not be empty.");
    const dims = Math.min(Math.max(int(ctx.configuredProps.dimensions, 8), 1), 16);
    const data = input.map((s, index) => ({
      object: 'embedding',
      index,
      embedding: Array.from({ length: dims }, (_, d) => Math.round(((hash(`${model}/${s}/${d}`) % 20_000) / 10_000 - 1) * 1e6) / 1e6),
    }));
    ctx.$.export('$summary', `Created ${plural(data.length, 'embedding')} with ${model} (${dims} dimensions)`);
    return { object: 'list', model, data, usage: { prompt_tokens: Math.ceil(input.join(' ').length / 4) } };
  },
};

// ---------------------------------------------------------------------------------------------
// Stripe
// ---------------------------------------------------------------------------------------------

const stripeCreateInvoice: EmulatorComponent = {
  key: 'stripe-create-invoice',
  app: 'stripe',
  name: 'Create Invoice',
  version: '0.1.6',
  description: 'Create a draft invoice with one line item per amount.',
  component_type: 'action',
  annotations: hints(false),
  configurable_props: [
    { name: 'stripe', type: 'app', app: 'stripe' },
    { name: 'customer', type: 'string', label: 'Customer ID', description: 'For example `cus_NffrFeUfNV2Hib`.' },
    { name: 'amounts', type: 'integer[]', label: 'Line item amounts', description: 'In the smallest currency unit: `1999` is $19.99.' },
    {
      name: 'currency',
      type: 'string',
      label: 'Currency',
      options: [
        { label: 'US dollar (USD)', value: 'usd' },
        { label: 'Euro (EUR)', value: 'eur' },
        { label: 'British pound (GBP)', value: 'gbp' },
        { label: 'Japanese yen (JPY)', value: 'jpy' },
      ],
      default: 'usd',
    },
    { name: 'description', type: 'string', label: 'Memo', description: 'Shown on the invoice.', optional: true },
    { name: 'days_until_due', type: 'integer', label: 'Days until due', min: 1, max: 365, default: 30, optional: true },
    { name: 'auto_advance', type: 'boolean', label: 'Finalize automatically', description: 'Finalize about an hour after creation.', optional: true, default: true },
    { name: 'metadata', type: 'object', label: 'Metadata', description: 'Up to 50 keys for your own reference.', optional: true },
  ],
  run(ctx) {
    requireAccount(ctx, 'stripe', 'Stripe');
    const customer = text(ctx.configuredProps.customer).trim();
    if (!customer || customer.startsWith('cus_missing')) {
      throw namedError('StripeInvalidRequestError', `No such customer: '${customer}'`);
    }
    const amounts = intList(ctx.configuredProps.amounts);
    if (amounts.length === 0) throw namedError('StripeInvalidRequestError', 'Missing required param: amount.');
    const negative = amounts.find((a) => a < 0);
    if (negative !== undefined) throw namedError('StripeInvalidRequestError', `Invalid positive integer: ${negative}`);
    const currency = text(ctx.configuredProps.currency, 'usd');
    const total = amounts.reduce((a, b) => a + b, 0);
    const id = `in_${idFrom(`${customer}/${amounts.join(',')}/${currency}`, ALNUM, 24)}`;
    const due = Math.min(Math.max(int(ctx.configuredProps.days_until_due, 30), 1), 365);
    const created = Math.floor(Date.parse(isoFrom(id)) / 1000);
    const formatted = currency === 'jpy' ? `${total} JPY` : `${(total / 100).toFixed(2)} ${currency.toUpperCase()}`;
    ctx.$.export('$summary', `Created draft invoice ${id} for ${customer}: ${formatted}`);
    return {
      id,
      object: 'invoice',
      customer,
      currency,
      status: 'draft',
      total,
      amount_due: total,
      auto_advance: flag(ctx.configuredProps.auto_advance, true),
      created,
      due_date: created + due * 86_400,
      description: text(ctx.configuredProps.description) || null,
      metadata: record(ctx.configuredProps.metadata),
      lines: { object: 'list', data: amounts.map((amount, i) => ({ id: `il_${idFrom(`${id}/${i}`, ALNUM, 24)}`, amount, currency })) },
    };
  },
};

// ---------------------------------------------------------------------------------------------
// Twilio
// ---------------------------------------------------------------------------------------------

function twilioNumbers(acc: AccountLike): LabelValue[] {
  const sid = typeof acc.credentials?.account_sid === 'string' ? acc.credentials.account_sid : acc.id;
  return ['Support line', 'Marketing', 'Alerts'].map((purpose, i) => {
    const digits = String(100 + (hash(`${sid}/${i}`) % 900)) + String(1000 + (hash(`${sid}/${i}/n`) % 9000));
    const e164 = `+1415${digits}`;
    return { label: `+1 415 ${digits.slice(0, 3)} ${digits.slice(3)} (${purpose})`, value: e164 };
  });
}

const twilioSendSms: EmulatorComponent = {
  key: 'twilio-send-sms',
  app: 'twilio',
  name: 'Send SMS',
  version: '0.1.8',
  description: 'Send an SMS from one of your Twilio numbers.',
  component_type: 'action',
  annotations: hints(false),
  configurable_props: [
    { name: 'twilio', type: 'app', app: 'twilio' },
    {
      name: 'trialWarning',
      type: 'alert',
      alertType: 'warning',
      content: 'Trial accounts can only send to **verified** numbers and prefix every message with "Sent from your Twilio trial account".',
    },
    { name: 'from', type: 'string', label: 'From', description: 'A number on your account.', remoteOptions: true },
    { name: 'to', type: 'string', label: 'To', description: 'In E.164 format, e.g. `+14155550123`.' },
    { name: 'body', type: 'string', label: 'Message body', description: 'Messages over 160 characters are sent as several segments.' },
    { name: 'mediaUrl', type: 'string[]', label: 'Media URLs', description: 'Publicly reachable image URLs (MMS, US and Canada only).', optional: true },
  ],
  options: {
    from(ctx) {
      const acc = ctx.accounts.twilio;
      if (!acc) return configurationError('Connect a Twilio account first');
      return { options: twilioNumbers(acc) };
    },
  },
  run(ctx) {
    const acc = requireAccount(ctx, 'twilio', 'Twilio');
    const to = text(ctx.configuredProps.to).replace(/[\s()-]/g, '');
    if (!/^\+[1-9]\d{6,14}$/.test(to)) {
      throw namedError('RestException', `The 'To' number ${text(ctx.configuredProps.to) || '(empty)'} is not a valid phone number.`);
    }
    const from = text(ctx.configuredProps.from) || String(twilioNumbers(acc)[0]?.value);
    const body = text(ctx.configuredProps.body);
    const media = list(ctx.configuredProps.mediaUrl);
    const sid = `SM${idFrom(`${from}/${to}/${body}`, HEX, 32)}`;
    ctx.$.export('$summary', `Queued ${media.length ? 'MMS' : 'SMS'} to ${to}: "${truncate(body, 40)}"`);
    return {
      sid,
      status: 'queued',
      from,
      to,
      body,
      num_segments: String(Math.max(1, Math.ceil(body.length / 160))),
      num_media: String(media.length),
      date_created: new Date(isoFrom(sid)).toUTCString(),
      price: null,
    };
  },
};

// ---------------------------------------------------------------------------------------------
// PostgreSQL
// ---------------------------------------------------------------------------------------------

const PG_TABLES: Record<string, Record<string, string[]>> = {
  public: {
    users: ['id', 'email', 'name', 'created_at'],
    orders: ['id', 'user_id', 'total_cents', 'status', 'created_at'],
    products: ['id', 'sku', 'name', 'price_cents'],
    sessions: ['id', 'user_id', 'expires_at'],
  },
  analytics: {
    events: ['id', 'name', 'user_id', 'occurred_at'],
    page_views: ['id', 'path', 'referrer', 'viewed_at'],
    daily_active_users: ['day', 'count'],
  },
  billing: {
    invoices: ['id', 'customer_id', 'amount_cents', 'status', 'issued_at'],
    subscriptions: ['id', 'customer_id', 'plan', 'status', 'renews_at'],
  },
};

function pgColumns(table: string): string[] {
  const bare = table.split('.').pop() ?? table;
  for (const tables of Object.values(PG_TABLES)) {
    const cols = tables[bare];
    if (cols) return cols;
  }
  return ['id', 'name', 'created_at'];
}

function pgValue(column: string, row: number, seed: string): unknown {
  const s = `${seed}/${column}/${row}`;
  if (column === 'id' || column.endsWith('_id')) return column === 'id' ? row + 1 : 1 + (hash(s) % 500);
  if (column.includes('email')) return `${pick(['ada', 'grace', 'alan', 'margaret', 'linus'], s)}${row + 1}@example.com`;
  if (column.endsWith('_at') || column === 'day') return isoFrom(s);
  if (column.endsWith('_cents') || column === 'count' || column === 'total') return hash(s) % 100_000;
  if (column === 'status') return pick(['active', 'pending', 'paid', 'cancelled'], s);
  if (column === 'name') return pick(['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Margaret Hamilton'], s);
  return `${column}_${row + 1}`;
}

/** Splits a select list on top-level commas, so `count(*)` or `coalesce(a, b)` stay whole. */
function splitColumns(selectList: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of selectList) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out.map((c) => c.trim()).filter(Boolean);
}

function columnName(expr: string): string {
  const alias = /\bas\s+"?([A-Za-z_][\w]*)"?\s*$/i.exec(expr);
  if (alias?.[1]) return alias[1];
  const fn = /^([A-Za-z_]\w*)\s*\(/.exec(expr);
  if (fn?.[1]) return fn[1].toLowerCase();
  return expr.split('.').pop()?.replace(/"/g, '') ?? expr;
}

/** Answers a query like a small, well-stocked database would: rows follow from the query text. */
function runSql(query: string): { command: string; rowCount: number; rows: Record<string, unknown>[]; fields: { name: string }[] } {
  const q = query.trim().replace(/;\s*$/, '');
  if (!q) throw namedError('DatabaseError', 'syntax error at end of input');
  const select = /^select\s+([\s\S]+?)\s+from\s+("?[A-Za-z_][\w.]*"?)/i.exec(q);
  if (select) {
    const table = (select[2] ?? '').replace(/"/g, '');
    if (/(^|\.)(missing_\w*|does_not_exist)$/.test(table)) {
      throw namedError('DatabaseError', `relation "${table}" does not exist`);
    }
    const exprs = splitColumns(select[1] ?? '*');
    const columns = exprs.length === 1 && exprs[0] === '*' ? pgColumns(table) : exprs.map(columnName);
    const limit = /\blimit\s+(\d+)/i.exec(q);
    const count = limit ? Math.min(Number(limit[1]), 100) : 3 + (hash(q) % 5);
    const rows = Array.from({ length: count }, (_, i) => Object.fromEntries(columns.map((c) => [c, pgValue(c, i, q)])));
    return { command: 'SELECT', rowCount: rows.length, rows, fields: columns.map((name) => ({ name })) };
  }
  if (/^select\b/i.test(q)) {
    // SELECT without FROM, e.g. `SELECT now()` or `SELECT 1 + 1 AS two`.
    const columns = splitColumns(q.slice(6)).map(columnName);
    return { command: 'SELECT', rowCount: 1, rows: [Object.fromEntries(columns.map((c) => [c, pgValue(c, 0, q)]))], fields: columns.map((name) => ({ name })) };
  }
  const command = (q.split(/\s+/)[0] ?? '').toUpperCase();
  if (!['INSERT', 'UPDATE', 'DELETE', 'CREATE', 'ALTER', 'DROP', 'WITH', 'TRUNCATE'].includes(command)) {
    throw namedError('DatabaseError', `syntax error at or near "${q.split(/\s+/)[0]}"`);
  }
  const rowCount = ['CREATE', 'ALTER', 'DROP'].includes(command) ? 0 : 1 + (hash(q) % 5);
  return { command, rowCount, rows: [], fields: [] };
}

/** `sql` values come as a string, `{query}` (connect-react) or `{value}` (the SDK schema). */
function sqlText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (isRecord(v)) return text(v.query) || text(v.value);
  return '';
}

function pgSchemaOptions(ctx: OptionsContext): OptionsResult {
  if (!ctx.accounts.postgresql) return configurationError('Connect a PostgreSQL account first');
  return { options: Object.keys(PG_TABLES) };
}

function pgTableOptions(ctx: OptionsContext): OptionsResult {
  const schema = text(ctx.configuredProps.schema);
  if (!schema) return configurationError('Select a schema first');
  return { options: Object.keys(PG_TABLES[schema] ?? {}) };
}

const pgExecuteQuery: EmulatorComponent = {
  key: 'postgresql-execute-custom-query',
  app: 'postgresql',
  name: 'Execute SQL Query',
  version: '2.0.9',
  description: 'Run any SQL statement on the connected database and return the rows.',
  component_type: 'action',
  annotations: hints(false, true),
  configurable_props: [
    { name: 'postgresql', type: 'app', app: 'postgresql' },
    {
      name: 'sql',
      type: 'sql',
      label: 'SQL Query',
      description: 'Use `$1`, `$2`… for parameters. Statements run in a single transaction.',
      auth: { app: 'postgresql' },
      default: { value: 'SELECT * FROM users LIMIT 10', query: 'SELECT * FROM users LIMIT 10', params: [], usePreparedStatements: false },
    },
  ],
  run(ctx) {
    const acc = requireAccount(ctx, 'postgresql', 'PostgreSQL');
    const query = sqlText(ctx.configuredProps.sql);
    const result = runSql(query);
    const database = typeof acc.credentials.database === 'string' ? acc.credentials.database : 'postgres';
    ctx.$.log(`${database}> ${truncate(query.replace(/\s+/g, ' '), 120)}`);
    ctx.$.export(
      '$summary',
      result.command === 'SELECT'
        ? `Returned ${plural(result.rowCount, 'row')} for "${truncate(query.replace(/\s+/g, ' '), 60)}"`
        : `${result.command} affected ${plural(result.rowCount, 'row')}`,
    );
    return result;
  },
};

const pgInsertRow: EmulatorComponent = {
  key: 'postgresql-insert-row',
  app: 'postgresql',
  name: 'Insert Row',
  version: '2.0.7',
  description: 'Insert one row into a table.',
  component_type: 'action',
  annotations: hints(false),
  configurable_props: [
    { name: 'postgresql', type: 'app', app: 'postgresql' },
    { name: 'schema', type: 'string', label: 'Schema', remoteOptions: true, default: 'public' },
    { name: 'table', type: 'string', label: 'Table', remoteOptions: true },
    { name: 'rowValues', type: 'object', label: 'Row values', description: 'Column name → value.' },
  ],
  options: { schema: pgSchemaOptions, table: pgTableOptions },
  run(ctx) {
    requireAccount(ctx, 'postgresql', 'PostgreSQL');
    const schema = text(ctx.configuredProps.schema, 'public');
    const table = text(ctx.configuredProps.table);
    if (!table) throw namedError('ConfigurationError', 'Table is required');
    const values = record(ctx.configuredProps.rowValues);
    const known = PG_TABLES[schema]?.[table];
    if (!known) throw namedError('DatabaseError', `relation "${schema}.${table}" does not exist`);
    const unknown = Object.keys(values).find((c) => !known.includes(c));
    if (unknown) throw namedError('DatabaseError', `column "${unknown}" of relation "${table}" does not exist`);
    const row = { id: 1 + (hash(`${schema}.${table}/${JSON.stringify(values)}`) % 100_000), ...values };
    ctx.$.export('$summary', `Inserted row ${row.id} into ${schema}.${table}`);
    return row;
  },
};

const pgNewRow: EmulatorComponent = {
  key: 'postgresql-new-row',
  app: 'postgresql',
  name: 'New Row',
  version: '2.0.8',
  description: 'Emit new event when a row is added to a table.',
  component_type: 'trigger',
  configurable_props: [
    { name: 'postgresql', type: 'app', app: 'postgresql' },
    { name: 'db', type: '$.service.db' },
    { name: 'timer', type: '$.interface.timer', default: { intervalSeconds: 900 } },
    { name: 'schema', type: 'string', label: 'Schema', remoteOptions: true, default: 'public' },
    { name: 'table', type: 'string', label: 'Table', remoteOptions: true },
    {
      name: 'column',
      type: 'string',
      label: 'Column',
      description: 'A column that only grows, such as `id` or `created_at`.',
      remoteOptions: true,
      optional: true,
    },
  ],
  options: {
    schema: pgSchemaOptions,
    table: pgTableOptions,
    column(ctx) {
      const table = text(ctx.configuredProps.table);
      if (!table) return configurationError('Select a table first');
      return { stringOptions: pgColumns(table) };
    },
  },
  sampleEvents(ctx) {
    const table = text(ctx.configuredProps.table) || 'users';
    const columns = pgColumns(table);
    return [0, 1, 2].map((i) => Object.fromEntries(columns.map((c) => [c, pgValue(c, 40 + i, table)])));
  },
};

// ---------------------------------------------------------------------------------------------
// SendGrid
// ---------------------------------------------------------------------------------------------

function sendgridTemplates(acc: AccountLike): LabelValue[] {
  return ['Welcome email', 'Password reset', 'Invoice ready', 'Weekly digest'].map((name) => ({
    label: name,
    value: `d-${idFrom(`${acc.id}/${name}`, HEX, 32)}`,
  }));
}

const sendgridStaticProps: ConfigurableProp[] = [
  { name: 'sendgrid', type: 'app', app: 'sendgrid' },
  {
    name: 'senderNotice',
    type: 'alert',
    alertType: 'neutral',
    content: 'The **From** address must be a verified [sender identity](https://www.twilio.com/docs/sendgrid/ui/sending-email/sender-verification).',
  },
  {
    name: 'apiVersion',
    type: 'string',
    label: 'API version',
    description: 'This action uses the v3 Mail Send endpoint.',
    readOnly: true,
    default: 'v3',
    optional: true,
  },
  { name: 'fromEmail', type: 'string', label: 'From email' },
  { name: 'fromName', type: 'string', label: 'From name', optional: true },
  { name: 'toEmails', type: 'string[]', label: 'To', description: 'Each recipient gets their own copy.' },
  {
    name: 'useTemplate',
    type: 'boolean',
    label: 'Use a dynamic template',
    description: 'Send a stored template instead of writing the subject and content here.',
    default: false,
    reloadProps: true,
  },
];

const sendgridSendEmail: EmulatorComponent = {
  key: 'sendgrid-send-email-single-recipient',
  app: 'sendgrid',
  name: 'Send Email',
  version: '0.0.9',
  description: 'Send an email with your own content or a dynamic template.',
  component_type: 'action',
  annotations: hints(false),
  configurable_props: sendgridStaticProps,
  options: {
    templateId(ctx) {
      const acc = ctx.accounts.sendgrid;
      if (!acc) return configurationError('Connect a SendGrid account first');
      return { options: filterByQuery(sendgridTemplates(acc), ctx.query) };
    },
  },
  reload(ctx) {
    if (flag(ctx.configuredProps.useTemplate, false)) {
      return [
        ...sendgridStaticProps,
        { name: 'templateId', type: 'string', label: 'Template', remoteOptions: true, useQuery: true, withLabel: true },
        {
          name: 'dynamicTemplateData',
          type: 'object',
          label: 'Template data',
          description: 'Values for the template\'s `{{handlebars}}` placeholders.',
          optional: true,
        },
      ];
    }
    return [
      ...sendgridStaticProps,
      { name: 'subject', type: 'string', label: 'Subject' },
      { name: 'content', type: 'string', label: 'Content' },
      {
        name: 'contentType',
        type: 'string',
        label: 'Content type',
        options: [
          { label: 'Plain text', value: 'text/plain' },
          { label: 'HTML', value: 'text/html' },
        ],
        default: 'text/plain',
        optional: true,
      },
    ];
  },
  run(ctx) {
    requireAccount(ctx, 'sendgrid', 'SendGrid');
    const from = text(ctx.configuredProps.fromEmail);
    const to = list(ctx.configuredProps.toEmails);
    if (!from.includes('@')) throw namedError('ResponseError', 'Forbidden: The from address does not match a verified Sender Identity.');
    if (to.length === 0) throw namedError('ResponseError', 'Bad Request: The personalizations field is required and must have at least one personalization.');
    const useTemplate = flag(ctx.configuredProps.useTemplate, false);
    const what = useTemplate
      ? `template ${labelOfValue(ctx.configuredProps.templateId) ?? text(ctx.configuredProps.templateId)}`
      : `"${truncate(text(ctx.configuredProps.subject), 50)}"`;
    const messageId = idFrom(`${from}/${to.join(',')}/${what}/${text(ctx.configuredProps.content)}`, ALNUM, 22);
    ctx.$.export('$summary', `Sent ${what} to ${plural(to.length, 'recipient')}`);
    return {
      statusCode: 202,
      headers: { 'x-message-id': messageId },
      personalizations: to.map((email) => ({ to: [{ email }] })),
      from: { email: from, name: text(ctx.configuredProps.fromName) || undefined },
      ...(useTemplate
        ? { template_id: text(ctx.configuredProps.templateId), dynamic_template_data: record(ctx.configuredProps.dynamicTemplateData) }
        : { subject: text(ctx.configuredProps.subject), content: [{ type: text(ctx.configuredProps.contentType, 'text/plain'), value: text(ctx.configuredProps.content) }] }),
    };
  },
};

// ---------------------------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------------------------

/** Header rows arrive as `[{name, value}]` from forms; accept a plain object too. */
function headerMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(v)) {
    for (const row of v) if (isRecord(row) && text(row.name)) out[text(row.name)] = text(row.value);
  } else if (isRecord(v)) {
    for (const [k, val] of Object.entries(v)) out[k] = text(val);
  }
  return out;
}

const httpSendRequest: EmulatorComponent = {
  key: 'http-custom-request',
  app: 'http',
  name: 'Send any HTTP Request',
  version: '1.1.3',
  description: 'Send an HTTP request to any URL. The emulator echoes the request instead of sending it.',
  component_type: 'action',
  annotations: hints(false),
  configurable_props: [
    // An app without auth: no account to choose, nothing to send.
    { name: 'http', type: 'app', app: 'http' },
    {
      name: 'httpRequest',
      type: 'http_request',
      label: 'HTTP Request Configuration',
      description: 'Method, URL, headers and body.',
      default: { method: 'GET', url: '' },
    },
    { name: 'includeResponseHeaders', type: 'boolean', label: 'Include response headers', optional: true, default: false },
    { name: 'timeout', type: 'integer', label: 'Timeout (ms)', min: 100, max: 60_000, default: 10_000, optional: true },
  ],
  run(ctx) {
    const req = record(ctx.configuredProps.httpRequest);
    const method = (text(req.method) || 'GET').toUpperCase();
    const rawUrl = text(req.url);
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      throw namedError('TypeError', `Invalid URL: ${rawUrl || '(empty)'}`);
    }
    if (Array.isArray(req.params)) {
      for (const p of req.params) if (isRecord(p) && text(p.name)) url.searchParams.append(text(p.name), text(p.value));
    }
    const headers = headerMap(req.headers);
    const body = isRecord(req.body) ? (req.body.raw ?? req.body.fields ?? null) : (req.body ?? null);
    ctx.$.log(`${method} ${url.href}`);
    ctx.$.export('$summary', `${method} ${url.href} → 200 OK`);
    return {
      status: 200,
      statusText: 'OK',
      data: { echo: true, method, url: url.href, headers, body: parseMaybeJson(body) },
      ...(flag(ctx.configuredProps.includeResponseHeaders, false)
        ? { headers: { 'content-type': 'application/json', 'x-request-id': uuidFrom(`${method} ${url.href}`) } }
        : {}),
    };
  },
};

const httpNewRequests: EmulatorComponent = {
  key: 'http-new-requests',
  app: 'http',
  name: 'New Requests',
  version: '0.1.2',
  description: 'Get a unique URL and emit an event for every HTTP request it receives.',
  component_type: 'trigger',
  configurable_props: [
    { name: 'http', type: '$.interface.http', customResponse: true },
    { name: 'emitBodyOnly', type: 'boolean', label: 'Body only', description: 'Emit only the request body.', optional: true, default: false },
    { name: 'resStatusCode', type: 'integer', label: 'Response status code', min: 100, max: 599, default: 200, optional: true },
    { name: 'resContentType', type: 'string', label: 'Response content type', default: 'application/json', optional: true },
    { name: 'resBody', type: 'string', label: 'Response body', description: 'For example `{"ok": true}`.', optional: true },
    {
      name: 'sharedSecret',
      type: 'string',
      label: 'Shared secret',
      description: 'Requests without a matching `x-webhook-secret` header get a `401`.',
      secret: true,
      optional: true,
    },
  ],
  sampleEvents(ctx) {
    const bodyOnly = flag(ctx.configuredProps.emitBodyOnly, false);
    const secret = text(ctx.configuredProps.sharedSecret);
    const bodies = [
      { event: 'order.created', order: { id: 1042, total: 59.9, currency: 'EUR' } },
      { event: 'order.refunded', order: { id: 1017, total: 12.5, currency: 'EUR' } },
    ];
    return bodies.map((body, i) =>
      bodyOnly
        ? body
        : {
            method: 'POST',
            path: '/',
            query: {},
            headers: {
              'content-type': 'application/json',
              'user-agent': 'shop-webhooks/2.3',
              ...(secret ? { 'x-webhook-secret': '[redacted]' } : {}),
            },
            body,
            client_ip: `203.0.113.${10 + i}`,
            url: `https://eo${idFrom('http-new-requests', HEX, 14)}.m.pipedream.net/`,
          },
    );
  },
};

// ---------------------------------------------------------------------------------------------
// RSS, Data Stores, Pipedream Utils
// ---------------------------------------------------------------------------------------------

const rssNewItem: EmulatorComponent = {
  key: 'rss-new-item-in-feed',
  app: 'rss',
  name: 'New Item in Feed',
  version: '1.2.10',
  description: 'Emit new event for each new item in an RSS or Atom feed.',
  component_type: 'trigger',
  configurable_props: [
    // An app without auth: no account to choose, nothing to send.
    { name: 'rss', type: 'app', app: 'rss' },
    { name: 'url', type: 'string', label: 'Feed URL', description: 'For example `https://hnrss.org/frontpage`.' },
    {
      name: 'timer',
      type: '$.interface.timer',
      label: 'Polling interval',
      description: 'How often to fetch the feed.',
      default: { intervalSeconds: 900 },
    },
    { name: 'db', type: '$.service.db' },
  ],
  sampleEvents(ctx) {
    const url = text(ctx.configuredProps.url) || 'https://example.com/feed.xml';
    let host = 'example.com';
    try {
      host = new URL(url).host;
    } catch {
      // Keep the placeholder host: the feed URL is validated on deploy, not here.
    }
    const titles = ['Release notes for March', 'How we cut build times in half', 'Postmortem: API latency spike'];
    return titles.slice(0, 1 + (hash(url) % 3)).map((title, i) => {
      const link = `https://${host}/posts/${handle(title)}`;
      return { title, link, guid: link, pubDate: new Date(isoFrom(`${url}/${i}`)).toUTCString(), feed: url, author: pick(['Editorial team', 'Ada Lovelace'], link) };
    });
  },
};

/** `data_store` values are a store reference; accept a bare id too. */
function dataStoreRef(v: unknown): string {
  if (isRecord(v)) return text(v.id) || text(v.dataStoreId) || text(v.name) || text(v.value);
  return text(v);
}

const dataStoresAddRecord: EmulatorComponent = {
  key: 'data_stores-add-update-record',
  app: 'data_stores',
  name: 'Add or Update a Single Record',
  version: '0.1.4',
  description: 'Store a value under a key, replacing any value already there.',
  component_type: 'action',
  annotations: hints(false),
  configurable_props: [
    { name: 'dataStore', type: 'data_store', label: 'Data Store', description: 'Pick an existing store or create one.' },
    { name: 'key', type: 'string', label: 'Key', description: 'Keys are case-sensitive.' },
    { name: 'value', type: 'string', label: 'Value', description: 'JSON is parsed, e.g. `{"count": 1}` is stored as an object.' },
    { name: 'ttl', type: 'integer', label: 'Expire after (seconds)', min: 60, max: 31_536_000, optional: true },
  ],
  run(ctx) {
    const store = dataStoreRef(ctx.configuredProps.dataStore);
    if (!store) throw namedError('ConfigurationError', 'Data Store is required');
    const key = text(ctx.configuredProps.key);
    if (!key) throw namedError('ConfigurationError', 'Key is required');
    const value = parseMaybeJson(text(ctx.configuredProps.value));
    const ttl = int(ctx.configuredProps.ttl, 0);
    ctx.$.export('$summary', `Saved key "${key}" in data store ${store}${ttl ? ` (expires in ${ttl}s)` : ''}`);
    return { dataStore: store, key, value, ...(ttl ? { expiresAt: new Date(EPOCH + ttl * 1000).toISOString() } : {}) };
  },
};

/** Describes a value the way a person would: "array of 3", "integer", "object with 2 keys". */
function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `array of ${v.length}`;
  switch (typeof v) {
    case 'number':
      return Number.isInteger(v) ? 'integer' : 'number';
    case 'string':
      return `string (${v.length} characters)`;
    case 'object':
      return `object with ${plural(Object.keys(v as object).length, 'key')}`;
    default:
      return typeof v;
  }
}

const utilsInspectValue: EmulatorComponent = {
  key: 'pipedream_utils-inspect-value',
  app: 'pipedream_utils',
  name: 'Inspect Value',
  version: '0.0.4',
  description: 'Return a value unchanged, with a description of its type. Handy for checking what a previous step produced.',
  component_type: 'action',
  annotations: hints(true),
  configurable_props: [
    {
      name: 'value',
      type: 'any',
      label: 'Value',
      description: 'Any JSON value: text, a number, `true`, a list or an object.',
    },
  ],
  run(ctx) {
    const value = unwrapValue(ctx.configuredProps.value);
    const type = describeValue(value);
    ctx.$.log(`received ${type}`);
    ctx.$.export('$summary', `Received ${type}: ${truncate(JSON.stringify(value) ?? 'undefined', 60)}`);
    return { type, value, json: JSON.stringify(value) ?? null };
  },
};

function contentTypeFor(name: string): string {
  const ext = name.split('.').pop()?.toLowerCase() ?? '';
  const types: Record<string, string> = {
    pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', csv: 'text/csv',
    json: 'application/json', txt: 'text/plain', zip: 'application/zip',
  };
  return types[ext] ?? 'application/octet-stream';
}

const utilsDownloadFile: EmulatorComponent = {
  key: 'pipedream_utils-download-file-to-tmp',
  app: 'pipedream_utils',
  name: 'Download File To /tmp',
  version: '0.0.6',
  description: 'Download a file from a URL into the `/tmp` directory so later steps can read it.',
  component_type: 'action',
  stash: 'optional',
  annotations: hints(false),
  configurable_props: [
    { name: 'url', type: 'string', label: 'Download URL', description: 'A public `https://` URL.' },
    { name: 'filename', type: 'string', label: 'File name', description: 'Saved as `/tmp/<file name>`.' },
    { name: 'tmpDir', type: 'dir', accessMode: 'write', sync: true },
  ],
  run(ctx) {
    const url = text(ctx.configuredProps.url);
    if (!/^https?:\/\/[^/\s]+/.test(url)) throw namedError('TypeError', `Invalid URL: ${url || '(empty)'}`);
    const filename = (text(ctx.configuredProps.filename) || url.split('/').pop() || 'download').replace(/[/\\]/g, '_');
    const size = 1024 + (hash(url) % 5_000_000);
    ctx.$.export('$summary', `Downloaded ${url} to /tmp/${filename} (${Math.round(size / 1024)} KB)`);
    return { filename, path: `/tmp/${filename}`, size, contentType: contentTypeFor(filename), sourceUrl: url };
  },
};

/**
 * Every text a UI renders from the API, filled with markup and script payloads. A safe UI shows
 * them as inert text (or sanitised markdown) and never runs them.
 */
export const INJECTION_PAYLOADS = {
  img: '<img src=x onerror=alert(1)>',
  script: '<script>alert(1)</script>',
  jsLink: '[click](javascript:alert(1))',
  dataLink: '[open](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  svg: '<svg onload=alert(1)>',
  iframe: '<iframe src="javascript:alert(1)"></iframe>',
  attr: '" autofocus onfocus="alert(1)',
  htmlLink: '<a href="javascript:alert(1)">harmless link</a>',
  overlay: '<div style="position:fixed;inset:0;background:red">overlay</div>',
} as const;

const X = INJECTION_PAYLOADS;

const utilsInjectionTest: EmulatorComponent = {
  key: 'pipedream_utils-injection-test',
  app: 'pipedream_utils',
  name: 'Sanitizer test',
  version: '0.0.1',
  description: `Checks that markup from the API stays inert. ${X.img} ${X.script} ${X.jsLink} **bold is fine** and [a normal link](https://pipedream.com/docs).`,
  component_type: 'action',
  annotations: hints(true),
  configurable_props: [
    { name: 'infoAlert', type: 'alert', alertType: 'info', content: `Info alert with ${X.script} and ${X.img}.` },
    { name: 'neutralAlert', type: 'alert', alertType: 'neutral', content: `Neutral alert with ${X.jsLink} and ${X.dataLink}.` },
    { name: 'warningAlert', type: 'alert', alertType: 'warning', content: `Warning alert with ${X.iframe} and ${X.svg}.` },
    { name: 'errorAlert', type: 'alert', alertType: 'error', content: `Error alert with ${X.htmlLink} and ${X.overlay}.` },
    {
      name: 'payload',
      type: 'string',
      label: `Payload ${X.img}`,
      description: `Description with ${X.jsLink}, ${X.script} and \`<b>code</b>\`.`,
      default: `"><script>alert(1)</script>`,
    },
    {
      name: 'choice',
      type: 'string',
      label: 'Static options with markup',
      options: [
        { label: X.img, value: 'img' },
        { label: X.script, value: 'script' },
        X.attr,
      ],
      optional: true,
    },
    {
      name: 'remoteChoice',
      type: 'string',
      label: `Remote options ${X.svg}`,
      description: 'Type `error` to get an error message with markup.',
      remoteOptions: true,
      useQuery: true,
      withLabel: true,
      optional: true,
    },
    {
      name: 'headers',
      type: 'object',
      label: 'Object with markup',
      default: { '<b>key</b>': X.img },
      optional: true,
    },
  ],
  options: {
    remoteChoice(ctx) {
      if ((ctx.query ?? '').trim().toLowerCase() === 'error') return optionsError('Error', `Failed: ${X.img} ${X.jsLink}`);
      const options: LabelValue[] = [
        { label: X.img, value: 'img' },
        { label: X.script, value: 'script' },
        { label: X.iframe, value: 'iframe' },
        { label: X.attr, value: X.attr },
      ];
      return { options: filterByQuery(options, ctx.query) };
    },
  },
  run(ctx) {
    const payload = text(ctx.configuredProps.payload);
    ctx.$.log(`log line with ${X.script}`);
    ctx.$.export('html', X.img);
    ctx.$.export('$summary', `Echoed ${truncate(payload, 80)} ${X.svg}`);
    return {
      payload,
      choice: text(ctx.configuredProps.choice) || null,
      remoteChoice: text(ctx.configuredProps.remoteChoice) || null,
      html: X.img,
      markdown: X.jsLink,
    };
  },
};

// ---------------------------------------------------------------------------------------------

export const components: EmulatorComponent[] = [
  slackSendMessage,
  slackNewMessage,
  githubCreateIssue,
  githubNewIssue,
  sheetsAddRow,
  sheetsNewRow,
  gmailSendEmail,
  gmailNewEmail,
  notionCreatePage,
  hubspotCreateContact,
  hubspotDeleteContact,
  airtableCreateRecord,
  airtableListRecords,
  airtableNewRecords,
  discordSendMessage,
  discordNewMessage,
  openaiChat,
  openaiEmbeddings,
  stripeCreateInvoice,
  twilioSendSms,
  pgExecuteQuery,
  pgInsertRow,
  pgNewRow,
  sendgridSendEmail,
  httpSendRequest,
  httpNewRequests,
  rssNewItem,
  dataStoresAddRecord,
  utilsInspectValue,
  utilsDownloadFile,
  utilsInjectionTest,
];
