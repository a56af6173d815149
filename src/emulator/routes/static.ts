/** The static files under `/_static/`: the connect page and its script. */
import { SCRIPT_PATH, connectPageHtml, connectPageScript } from '../connect-page/index.js';
import type { ConnectPageFault } from '../faults.js';
import { errorResponse, notFound } from '../http.js';

/** The page's policy: its own script only, and the inline `<style>` it carries. */
const CONNECT_PAGE_POLICY = "default-src 'self'; img-src * data:; style-src 'self' 'unsafe-inline'; script-src 'self'";

/** Answers `path` (below the base path), with the connect page broken as `fault` says. */
export async function staticRoute(path: string, options: { fault: ConnectPageFault; basePath: string }): Promise<Response> {
  const { fault, basePath } = options;
  if (path === '/_static/connect.html') {
    if (fault === 'hang') return new Promise<Response>(() => {});
    // A static page without secrets: any page may read its status (a connect flow checks it loaded).
    const readable = { 'access-control-allow-origin': '*' };
    if (fault === 'unavailable') return new Response('Service unavailable', { status: 503, headers: readable });
    return new Response(connectPageHtml({ mode: fault === 'error' || fault === 'error-after-connect' || fault === 'close-after-connect' ? fault : 'normal', basePath }), {
      headers: {
        ...readable,
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': CONNECT_PAGE_POLICY,
      },
    });
  }
  if (path === SCRIPT_PATH) {
    return new Response(connectPageScript(), { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
  }
  return errorResponse(notFound(`No static file ${path}`));
}
