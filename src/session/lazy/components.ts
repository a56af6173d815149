export { ComponentsClient as Client } from '@pipedream/sdk/components';
