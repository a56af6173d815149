import { httpRequestControl } from '../controls/http-request.js';
import type { KindDef } from './types.js';

/** `http_request`: method, URL, query parameters, headers, authorization and body; the URL must parse. */
export const httpRequest: KindDef = {
  name: 'http',
  type: 'http_request',
  render: httpRequestControl,
  check: ({ prop, value }) => {
    const url = (value as { url?: string })?.url ?? '';
    if (!url && !prop.optional) return { key: 'form.error.url' };
    if (url) {
      try {
        new URL(url);
      } catch {
        return { key: 'form.error.url' };
      }
    }
    return undefined;
  },
  layout: 'group',
};
