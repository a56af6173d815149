import '../src/index.js';
import type { PdConnectProvider } from '../src/index.js';

const provider = document.getElementById('provider') as PdConnectProvider;

const locale = document.getElementById('locale') as HTMLSelectElement;
const theme = document.getElementById('theme') as HTMLSelectElement;
locale.addEventListener('change', () => (provider.locale = locale.value));
theme.addEventListener('change', () => {
  provider.theme = theme.value as PdConnectProvider['theme'];
  document.documentElement.dataset.theme = theme.value;
});

// Every pd-* event bubbles and is composed: one listener sees them all.
const log = document.getElementById('events')!;
for (const type of ['pd-connect-start', 'pd-connect-success', 'pd-connect-error', 'pd-connect-close', 'pd-disconnect-request', 'pd-disconnect', 'pd-submit', 'pd-run-success', 'pd-run-error', 'pd-deploy-success', 'pd-deploy-error', 'pd-trigger-delete', 'pd-directory-component']) {
  document.addEventListener(type, (event) => {
    const detail = event as Event & { account?: { name?: string }; code?: string; app?: string; componentKey?: string; successful?: boolean };
    const item = document.createElement('li');
    const name = document.createElement('code');
    name.textContent = type;
    const info = detail.account?.name ?? detail.code ?? detail.componentKey ?? detail.app ?? (detail.successful === undefined ? '' : `successful: ${detail.successful}`);
    item.append(name, ` ${info}`);
    log.prepend(item);
    while (log.children.length > 6) log.lastElementChild?.remove();
  });
}

// The app picker drives the component picker; both submit with a host form like native controls.
const appPicker = document.getElementById('app-picker') as HTMLElement & { value: string };
const componentPicker = document.getElementById('component-picker') as HTMLElement & { value: string; app?: string };
const output = document.getElementById('picker-output') as HTMLOutputElement;
const form = document.getElementById('picker-form') as HTMLFormElement;
const showForm = () => (output.textContent = `FormData: ${JSON.stringify(Object.fromEntries(new FormData(form)))}`);
appPicker.addEventListener('change', () => {
  componentPicker.app = appPicker.value || undefined;
  componentPicker.value = '';
  showForm();
});
const actionForm = document.getElementById('action-form') as HTMLElement & { componentKey?: string };
componentPicker.addEventListener('change', () => {
  showForm();
  if (componentPicker.value) actionForm.componentKey = componentPicker.value;
});

// Events the deployed triggers delivered to /api/webhook.
const webhookList = document.getElementById('webhook-events')!;
async function showWebhookEvents() {
  const { data } = (await (await fetch('/api/webhook')).json()) as { data: { receivedAt: string; emitter: string; body: unknown }[] };
  webhookList.replaceChildren(...data.slice(0, 5).map((event) => {
    const item = document.createElement('li');
    const code = document.createElement('code');
    code.textContent = new Date(event.receivedAt).toLocaleTimeString();
    item.append(code, ` ${event.emitter} ${JSON.stringify(event.body).slice(0, 90)}`);
    return item;
  }));
}
document.addEventListener('pd-deploy-success', () => setTimeout(showWebhookEvents, 500));
setInterval(showWebhookEvents, 5000);
void showWebhookEvents();
