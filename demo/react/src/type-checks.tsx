// Compiled by `npm run typecheck:examples`, never bundled: proves the types reject mistakes.
import type { PdAppChangeEvent, PdConnectSuccessEvent, PdRunErrorEvent } from 'pd-connect-elements';
import { PdActionForm, PdAppSelect, PdComponentSelect, PdConnectButton } from 'pd-connect-elements/react';

export const checks = [
  // The wrappers: typed props and callbacks.
  <PdConnectButton app="slack" onPdConnectSuccess={(event) => event.account.id} />,
  <PdAppSelect hasActions onChange={(event) => `${event.value} ${String(event.selected)}`} />,
  // `change`: the value on the event and on its target, and the picked item typed.
  <PdAppSelect onChange={(event) => `${event.target.value} ${event.selected?.nameSlug ?? ''}`} />,
  <PdComponentSelect app="slack" onChange={(event) => event.selected?.key ?? event.target.value} />,
  // @ts-expect-error an App has no `key` (a Component does)
  <PdAppSelect onChange={(event) => event.selected?.key} />,
  // @ts-expect-error a misspelled prop
  <PdConnectButton appSlug="slack" />,
  // @ts-expect-error a misspelled event callback
  <PdConnectButton app="slack" onPdConnectSucess={() => undefined} />,
  // @ts-expect-error the success event has no error code
  <PdConnectButton app="slack" onPdConnectSuccess={(event) => event.code} />,
  // @ts-expect-error configuredProps is an object, not a string
  <PdActionForm componentKey="openai-chat" configuredProps="{}" />,

  // React 19 JSX: attributes, properties and `on` + event name props.
  <pd-connect-button app="slack" external-user-id="u1" onpd-connect-success={(event: PdConnectSuccessEvent) => event.account.id} />,
  <pd-action-form component-key="openai-chat" configuredProps={{ text: 'hi' }} onpd-run-error={(event) => event.message} />,
  <pd-app-select onchange={(event: PdAppChangeEvent) => event.selected?.name ?? event.target.value} />,
  // @ts-expect-error a misspelled property
  <pd-action-form componentKeys="openai-chat" />,
  // @ts-expect-error a handler for the wrong event type
  <pd-connect-button app="slack" onpd-connect-success={(event: PdRunErrorEvent) => event.message} />,
  // @ts-expect-error pd-disconnect carries the account, not a run result
  <pd-account-list onpd-disconnect={(event) => event.result} />,
  <pd-account-list theme="dark" />,
  // @ts-expect-error a theme that does not exist
  <pd-account-list theme="purple" />,
  // @ts-expect-error a connect mode that does not exist
  <PdConnectButton app="slack" mode="popup" />,
];
