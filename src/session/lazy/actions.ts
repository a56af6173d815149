export { ActionsClient as Client } from '@pipedream/sdk/actions';
