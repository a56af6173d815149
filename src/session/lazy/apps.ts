export { AppsClient as Client } from '@pipedream/sdk/apps';
