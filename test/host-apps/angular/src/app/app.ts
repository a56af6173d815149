import { CUSTOM_ELEMENTS_SCHEMA, Component, signal } from '@angular/core';
import 'pd-connect-elements';
import type { PdConnectSuccessEvent, PdRunSuccessEvent } from 'pd-connect-elements';

const setting = (name: string) => document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content || undefined;

@Component({
  selector: 'app-root',
  // <pd-*> tags are custom elements: Angular binds their properties and listens to their events.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main>
      <h1>Integrations</h1>
      <pd-connect-provider
        token-endpoint="/api/pipedream/token"
        [externalUserId]="userId"
        [environment]="environment"
        [baseUrl]="baseUrl"
        [frontendHost]="frontendHost"
      >
        <section>
          <h2>Connect Slack</h2>
          <pd-connect-button app="slack" (pd-connect-success)="connected($event)"></pd-connect-button>
          <p role="status">{{ status() }}</p>
        </section>
        <section>
          <h2>Your accounts</h2>
          <pd-account-list app="slack"></pd-account-list>
        </section>
        <section>
          <h2>Inspect a value</h2>
          <pd-action-form component-key="pipedream_utils-inspect-value" (pd-run-success)="ran($event)"></pd-action-form>
          @if (result()) {
            <p role="status">Result: {{ result() }}</p>
          }
        </section>
      </pd-connect-provider>
    </main>
  `,
})
export class App {
  // Your signed-in user, from your session; the token endpoint derives the same user.
  readonly userId = 'host-app-user';
  readonly environment = setting('pipedream-environment') === 'development' ? 'development' : 'production';
  readonly baseUrl = setting('pipedream-base-url');
  readonly frontendHost = this.baseUrl ? `${this.baseUrl}/_static/connect.html` : undefined;
  readonly status = signal('Not connected yet.');
  readonly result = signal<string | undefined>(undefined);

  // Angular types events of custom elements as plain Events.
  connected(event: Event) {
    this.status.set(`Connected: ${(event as PdConnectSuccessEvent).account.name}`);
  }

  ran(event: Event) {
    this.result.set(String((event as PdRunSuccessEvent).result.exports?.$summary ?? ''));
  }
}
