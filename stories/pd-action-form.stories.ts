import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import type { PdActionForm } from '../src/index.js';
import type { AccountSeed } from '../.storybook/emulator/client.js';
import { elementHelpers, inShadow, setValue, storyElement, storyForm, waitForShadow, waitForState } from './support.js';

const { args, argTypes, template } = elementHelpers('pd-action-form');

/** One connected account per app the catalog's actions need, so every form starts usable. */
const FORM_ACCOUNTS: AccountSeed[] = [
  'slack', 'github', 'google_sheets', 'gmail', 'notion', 'hubspot', 'airtable_oauth', 'openai', 'stripe', 'twilio',
  'postgresql', 'sendgrid', 'discord_bot',
].map((app) => ({ app, name: `Acme ${app.replace(/_.*/, '')}` }));

/**
 * Renders an action's configurable props as a form, validates, runs it and shows the result.
 * The components are the emulator catalog's, chosen so the stories cover every prop type. The
 * form starts with the component's app account picked, as a host that saved it would do.
 */
const meta: Meta = {
  title: 'Elements/pd-action-form',
  component: 'pd-action-form',
  args: { ...args, 'component-key': 'slack-send-message' },
  argTypes,
  render: (storyArgs, { loaded }) => {
    const key = String(storyArgs['component-key'] ?? '');
    const app = key.split('-')[0] ?? '';
    const accountId = (loaded.accountIdByApp as Record<string, string | undefined> | undefined)?.[app];
    const given = storyArgs['configured-props'] ? (JSON.parse(String(storyArgs['configured-props'])) as Record<string, unknown>) : {};
    const configured = accountId ? { [app]: { authProvisionId: accountId }, ...given } : given;
    return html`<div class="story-column">${template({ ...storyArgs, 'configured-props': Object.keys(configured).length ? JSON.stringify(configured) : undefined })}</div>`;
  },
  parameters: { emulator: { user: 'story-action-form', accounts: FORM_ACCOUNTS } },
};
export default meta;
type Story = StoryObj;

const form = (canvasElement: HTMLElement) => storyElement<PdActionForm>(canvasElement, 'pd-action-form');
const ready = (canvasElement: HTMLElement) => storyForm<PdActionForm>(canvasElement, 'pd-action-form');
const field = (element: PdActionForm, name: string) => inShadow(element, `[part~="field"][data-name="${name}"]`);

/** Adds every optional field, so every prop of the story is on screen. */
async function showOptional(element: PdActionForm): Promise<void> {
  for (const toggle of element.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="optional-toggle"][aria-pressed="false"]')) {
    toggle.click();
    await element.updateComplete;
  }
  await waitFor(() => expect(element.shadowRoot!.querySelector('[part~="optional-toggle"][aria-pressed="false"]')).toBeNull());
}

const readyWithOptional = async ({ canvasElement }: { canvasElement: HTMLElement }) => showOptional(await ready(canvasElement));

/** A "Props:" story: the component's form with every prop on screen. */
const showsProps = (componentKey: string): Story => ({ args: { 'component-key': componentKey }, play: readyWithOptional });

/** `app`, `alert`, `string` with remote options, `string` and `boolean` props (Slack: send a message). */
export const StringsAndBooleans: Story = { name: 'Props: string, boolean, app, alert', ...showsProps('slack-send-message') };

/** `string[]` lists and `object` key/value rows (Gmail: send an email). */
export const Lists: Story = { name: 'Props: string[] and object', ...showsProps('gmail-send-email') };

/** `integer`, `integer[]`, `boolean` and `object` (Stripe: create an invoice). */
export const Numbers: Story = { name: 'Props: integer and integer[]', ...showsProps('stripe-create-invoice') };

/** `any`: JSON, validated as you type (Pipedream utils: inspect a value). */
export const AnyJson: Story = {
  name: 'Props: any (JSON)',
  args: { 'component-key': 'pipedream_utils-inspect-value' },
  play: async ({ canvasElement }) => {
    const element = await ready(canvasElement);
    const textarea = field(element, 'value')!.querySelector<HTMLTextAreaElement>('textarea, input')!;
    setValue(textarea, '{"broken": ');
    textarea.dispatchEvent(new Event('blur'));
    await waitFor(() => expect(field(element, 'value')!.querySelector('[part~="field-error"]') !== null).toBe(true));
  },
};

/** `alert` props of every kind, and markup from the API kept inert. */
export const Alerts: Story = { name: 'Props: alerts (info, neutral, warning, error)', ...showsProps('pipedream_utils-injection-test') };

/** `sql` (PostgreSQL: run a query). */
export const Sql: Story = { name: 'Props: sql', ...showsProps('postgresql-execute-custom-query') };

/** `http_request`: method, URL, headers and body (HTTP: custom request). */
export const HttpRequest: Story = { name: 'Props: http_request', ...showsProps('http-custom-request') };

/** `dir` (a read-only note: the action gets a temp folder). */
export const Dir: Story = { name: 'Props: dir', ...showsProps('pipedream_utils-download-file-to-tmp') };

/** `data_store`. */
export const DataStore: Story = { name: 'Props: data_store', ...showsProps('data_stores-add-update-record') };

/** `$.airtable.baseId`, `tableId`, `viewId`, `fieldId`: options that depend on earlier props. */
export const Airtable: Story = { name: 'Props: $.airtable.*', ...showsProps('airtable_oauth-list-records-in-view') };

/** `$.discord.channel`. */
export const Discord: Story = { name: 'Props: $.discord.channel', ...showsProps('discord_bot-send-message') };

/** Remote options: open the repository list (paged, searchable) of GitHub: create an issue. */
export const RemoteOptions: Story = {
  args: { 'component-key': 'github-create-issue' },
  play: async ({ canvasElement }) => {
    const element = await ready(canvasElement);
    const input = field(element, 'repoFullname')!.querySelector<HTMLInputElement>('input')!;
    input.focus();
    input.click();
    await waitFor(() => expect(element.shadowRoot!.querySelectorAll('[part~="option"]').length).toBeGreaterThan(0), { timeout: 8000 });
  },
};

/** Dynamic props: turning on "use template" reloads the props from the API (SendGrid). */
export const DynamicProps: Story = {
  args: { 'component-key': 'sendgrid-send-email-single-recipient' },
  play: async ({ canvasElement }) => {
    const element = await ready(canvasElement);
    field(element, 'useTemplate')!.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
    await waitFor(() => expect(field(element, 'templateId') !== null).toBe(true), { timeout: 8000 });
  },
};

/**
 * A one-purpose form: `prop-names` shows only the channel and the text, `locked-props` fixes the
 * text (shown read-only) and `hidden-props` sends a preset without a field.
 */
export const NarrowForm: Story = {
  name: 'Narrow: prop-names, locked and hidden props',
  args: {
    'component-key': 'slack-send-message',
    'prop-names': 'conversation,text',
    'locked-props': JSON.stringify({ text: 'Deploy finished: all checks passed.' }),
    'hidden-props': JSON.stringify({ mrkdwn: false }),
    'submit-label': 'Notify the channel',
  },
  play: async ({ canvasElement }) => {
    const element = await ready(canvasElement);
    await expect([...element.shadowRoot!.querySelectorAll<HTMLElement>('[part~="field"]')].map((node) => node.dataset.name)).toEqual(['conversation', 'text']);
    await expect(element.configuredProps.mrkdwn).toBe(false);
  },
};

/** Optional fields are added one at a time with their toggles; here the thread timestamp is added. */
export const OptionalFields: Story = {
  name: 'Optional fields: one added',
  args: { 'component-key': 'slack-send-message' },
  play: async ({ canvasElement }) => {
    const element = await ready(canvasElement);
    inShadow<HTMLButtonElement>(element, '[part~="optional-toggle"][data-name="thread_ts"]')!.click();
    await waitFor(() => expect(field(element, 'thread_ts')).not.toBeNull());
  },
};

/**
 * The host's own control for one prop: a native select in the `prop:conversation` slot replaces
 * the channel combobox; the form keeps its label, description and errors.
 */
export const CustomField: Story = {
  name: 'Custom field in a prop:<name> slot',
  args: { 'component-key': 'slack-send-message' },
  render: (_args, context) => {
    const accountId = (context.loaded.accountIdByApp as Record<string, string | undefined> | undefined)?.slack;
    return html`<div class="story-column">
      <pd-action-form component-key="slack-send-message" configured-props=${JSON.stringify(accountId ? { slack: { authProvisionId: accountId } } : {})}>
        <select slot="prop:conversation" aria-label="Channel" style="font: inherit; padding: 0.5rem; border-radius: 0.375rem; border: 1px solid #8a8f98; background: Canvas; color: CanvasText;">
          <option value="">Choose a team channel…</option>
          <option value="C0DEPLOYS">#deploys</option>
          <option value="C0ONCALL">#on-call</option>
        </select>
      </pd-action-form>
    </div>`;
  },
  play: async ({ canvasElement }) => {
    const element = await ready(canvasElement);
    const select = element.querySelector('select')!;
    select.value = 'C0DEPLOYS';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await waitFor(() => expect(element.configuredProps.conversation).toBe('C0DEPLOYS'));
  },
};

/** Submitting with required props missing: the summary lists them and focus goes to the first. */
export const ValidationErrors: Story = {
  args: { 'component-key': 'github-create-issue' },
  play: async ({ canvasElement }) => {
    const element = await ready(canvasElement);
    inShadow<HTMLButtonElement>(element, '[part~="submit-button"]')!.click();
    await waitForState(element, 'invalid');
    const summary = await waitForShadow(element, '[part="error-summary"]');
    await expect(summary.textContent).toContain('Title');
  },
};

/** A run: `$summary`, the returned value and the logs (HTTP: custom request). */
export const RunResult: Story = {
  args: { 'component-key': 'http-custom-request' },
  play: async ({ canvasElement }) => {
    const element = await ready(canvasElement);
    setValue(field(element, 'httpRequest')!.querySelector<HTMLInputElement>('input[type="url"]')!, 'https://example.com/ping');
    await element.updateComplete;
    inShadow<HTMLButtonElement>(element, '[part~="submit-button"]')!.click();
    await waitForState(element, 'result', 10_000);
    const summary = await waitForShadow(element, '[part="result-summary"]');
    await expect(summary.textContent).toContain('GET https://example.com/ping');
  },
};

/** A run the API refuses: the error from the action (HubSpot: delete a contact). */
export const RunError: Story = {
  args: { 'component-key': 'hubspot-delete-contact', 'configured-props': JSON.stringify({ contactId: '123' }) },
  play: async ({ canvasElement }) => {
    const element = await ready(canvasElement);
    inShadow<HTMLButtonElement>(element, '[part~="submit-button"]')!.click();
    const error = await waitForShadow(element, '[part="run-error"]', 10_000);
    await expect((error.textContent ?? '').trim().length).toBeGreaterThan(3);
  },
};

/** No account for the app yet: the form offers to connect one inline. */
export const NoAccountYet: Story = {
  parameters: { emulator: { user: 'story-action-form-no-accounts', accounts: [] } },
  play: async ({ canvasElement }) => {
    const element = await ready(canvasElement);
    await waitFor(() => expect(field(element, 'slack')!.querySelector('[part~="connect-button"]') !== null).toBe(true));
  },
};

/** A field waiting for another is disabled (dashed border, muted) until that one is set: Repository waits for the GitHub account. */
export const DisabledField: Story = {
  name: 'Disabled field (waiting for an account)',
  args: { 'component-key': 'github-create-issue' },
  parameters: { emulator: { user: 'story-action-form-waiting', accounts: [] } },
  play: async ({ canvasElement }) => {
    const element = await ready(canvasElement);
    await expect(field(element, 'repoFullname')!.querySelector('input')!.disabled).toBe(true);
  },
};

/** Loading: the token endpoint holds its answer. */
export const Loading: Story = {
  parameters: { emulator: { user: 'story-action-form-loading', tokenQuery: '?delay=120000' } },
  play: async ({ canvasElement }) => waitForState(await form(canvasElement), 'loading'),
};

/** An unknown component key. */
export const NotFound: Story = {
  name: 'Error (unknown component)',
  args: { 'component-key': 'slack-does-not-exist' },
  play: async ({ canvasElement }) => waitForState(await form(canvasElement), 'error'),
};

/** Dark theme, validation errors shown. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  args: { 'component-key': 'github-create-issue' },
  play: ValidationErrors.play,
};

/** Arabic: right to left. */
export const Arabic: Story = {
  name: 'Arabic (RTL)',
  globals: { locale: 'ar' },
  play: readyWithOptional,
};

/** German. */
export const German: Story = {
  globals: { locale: 'de' },
  play: readyWithOptional,
};
