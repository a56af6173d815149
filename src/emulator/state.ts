import type { ConfigurableProp } from './types.js';

/** A Connect token as the emulator remembers it. */
export interface StoredToken {
  token: string;
  projectId: string;
  environment: string;
  externalUserId: string;
  expiresAt: number;
  allowedOrigins: string[];
  scope: string;
  successRedirectUri?: string;
  errorRedirectUri?: string;
  webhookUri?: string;
  /** Set once the token has created (or reconnected) an account: it is single-use for that. */
  usedAt?: number;
}

export interface StoredAccessToken {
  token: string;
  expiresAt: number;
  scope: string;
}

export interface StoredAccount {
  id: string;
  projectId: string;
  environment: string;
  externalUserId: string;
  appSlug: string;
  oauthAppId?: string;
  name: string;
  healthy: boolean;
  dead: boolean;
  error: string | null;
  credentials: Record<string, unknown>;
  authorizedScopes: string[];
  /** The scope profile the account was connected with, when one was named. */
  scopeProfile?: string;
  /** The app override the account was connected through. */
  appOverrideId?: string;
  /** The user's own OAuth client ID, when the connect page asked for one (`customOauthClient`). */
  customOauthClientId?: string;
  createdAt: number;
  updatedAt: number;
  expiresAt: number | null;
  lastRefreshedAt: number | null;
}

export interface StoredDynamicProps {
  id: string;
  componentKey: string;
  externalUserId: string;
  configurableProps: ConfigurableProp[];
}

export interface StoredEvent {
  id: string;
  ts: number;
  k: string;
  sum?: string;
  e: Record<string, unknown>;
}

export interface StoredDeployedTrigger {
  id: string;
  projectId: string;
  environment: string;
  externalUserId: string;
  ownerId: string;
  componentId: string;
  componentKey: string;
  name: string;
  nameSlug: string;
  configurableProps: ConfigurableProp[];
  configuredProps: Record<string, unknown>;
  dynamicPropsId?: string;
  active: boolean;
  emitOnDeploy: boolean;
  webhookUrls: string[];
  createdAt: number;
  updatedAt: number;
  events: StoredEvent[];
}

/** Everything the emulator remembers; plain JSON so `--state FILE` can persist it. */
export interface EmulatorSnapshot {
  version: 1;
  tokens: StoredToken[];
  accessTokens: StoredAccessToken[];
  accounts: StoredAccount[];
  dynamicProps: StoredDynamicProps[];
  deployedTriggers: StoredDeployedTrigger[];
  stashes: string[];
}

/**
 * The emulator's store. All mutations are synchronous, so concurrent requests (each an
 * async handler) never interleave inside one change and cannot corrupt it.
 */
export class EmulatorState {
  tokens = new Map<string, StoredToken>();
  accessTokens = new Map<string, StoredAccessToken>();
  accounts = new Map<string, StoredAccount>();
  dynamicProps = new Map<string, StoredDynamicProps>();
  deployedTriggers = new Map<string, StoredDeployedTrigger>();
  stashes = new Set<string>();

  constructor(snapshot?: EmulatorSnapshot) {
    if (snapshot) this.load(snapshot);
  }

  load(snapshot: EmulatorSnapshot): void {
    if (snapshot.version !== 1) throw new Error(`Unsupported emulator state version: ${String(snapshot.version)}`);
    this.clear();
    for (const token of snapshot.tokens ?? []) this.tokens.set(token.token, token);
    for (const token of snapshot.accessTokens ?? []) this.accessTokens.set(token.token, token);
    for (const account of snapshot.accounts ?? []) this.accounts.set(account.id, account);
    for (const props of snapshot.dynamicProps ?? []) this.dynamicProps.set(props.id, props);
    for (const trigger of snapshot.deployedTriggers ?? []) this.deployedTriggers.set(trigger.id, trigger);
    for (const stash of snapshot.stashes ?? []) this.stashes.add(stash);
  }

  clear(): void {
    this.tokens.clear();
    this.accessTokens.clear();
    this.accounts.clear();
    this.dynamicProps.clear();
    this.deployedTriggers.clear();
    this.stashes.clear();
  }

  snapshot(): EmulatorSnapshot {
    return structuredClone({
      version: 1,
      tokens: [...this.tokens.values()],
      accessTokens: [...this.accessTokens.values()],
      accounts: [...this.accounts.values()],
      dynamicProps: [...this.dynamicProps.values()],
      deployedTriggers: [...this.deployedTriggers.values()],
      stashes: [...this.stashes],
    });
  }
}
