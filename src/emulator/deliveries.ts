/** Deployed triggers' sample events, POSTed to their webhook URLs. */
import { randomId } from './http.js';
import type { EmulatorServices } from './routes/context.js';
import { resolvedAccount } from './routes/shared.js';
import type { StoredDeployedTrigger } from './state.js';
import type { OptionsContext } from './types.js';

/** One POST of one event to one webhook URL (see `GET /_emulator/deliveries`). */
export interface WebhookDelivery {
  triggerId: string;
  url: string;
  eventId: string;
  status: number | 'failed';
  error?: string;
}

/** How deliveries leave the emulator and where they are recorded. */
export interface DeliveryChannel {
  fetch: typeof fetch;
  /** Called before each POST; the delivery's status is filled in once it answers. */
  record(delivery: WebhookDelivery): void;
}

function summarize(payload: Record<string, unknown>): string {
  const text = payload.summary ?? payload.text ?? payload.title ?? payload.name ?? payload.id;
  return typeof text === 'string' ? text.slice(0, 80) : 'New event';
}

/** Emits the component's sample events and POSTs each one to the trigger's webhook URLs. */
export async function deliverSampleEvents(
  services: EmulatorServices, trigger: StoredDeployedTrigger, channel: DeliveryChannel,
): Promise<void> {
  const component = services.componentsByKey.get(trigger.componentKey);
  if (!component?.sampleEvents) return;
  const accounts: OptionsContext['accounts'] = {};
  for (const prop of trigger.configurableProps) {
    const id = (trigger.configuredProps[prop.name] as { authProvisionId?: string } | undefined)?.authProvisionId;
    const account = prop.type === 'app' && id ? services.state.accounts.get(id) : undefined;
    if (account) accounts[prop.name] = resolvedAccount(services, account);
  }
  const events = component.sampleEvents({ configuredProps: trigger.configuredProps, accounts });
  for (const payload of events) {
    const event = { id: randomId('evt_', 12), ts: services.now(), k: 'emit', sum: summarize(payload), e: payload };
    trigger.events.unshift(event);
    trigger.events.splice(100);
    for (const url of trigger.webhookUrls) {
      const delivery: WebhookDelivery = { triggerId: trigger.id, url, eventId: event.id, status: 'failed' };
      channel.record(delivery);
      try {
        const response = await channel.fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-pd-emitter-id': trigger.id, 'x-pd-event-id': event.id },
          body: JSON.stringify(payload),
        });
        delivery.status = response.status;
        await response.body?.cancel();
      } catch (error) {
        delivery.error = (error as Error).message;
      }
    }
  }
  services.changed();
}
