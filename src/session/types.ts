/** The account and app shapes elements work with: the SDK's parsed (camelCase) objects. */
export type { Account, App } from '@pipedream/sdk/browser';

/** What a token endpoint or callback provides; `expires_at` may be a string or a Date. */
export interface ConnectTokenResponse {
  token: string;
  expires_at?: string | Date;
  expiresAt?: string | Date;
  connect_link_url?: string;
  connectLinkUrl?: string;
}

export type TokenCallback = (context: { externalUserId: string }) => Promise<ConnectTokenResponse>;

export type Theme = 'light' | 'dark' | 'system';
export type Environment = 'development' | 'production';
