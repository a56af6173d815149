export { DeployedTriggersClient as Client } from '@pipedream/sdk/deployedTriggers';
