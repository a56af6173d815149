export { AccountsClient as Client } from '@pipedream/sdk/accounts';
