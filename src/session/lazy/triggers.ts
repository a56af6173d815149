export { TriggersClient as Client } from '@pipedream/sdk/triggers';
