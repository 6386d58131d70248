import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import type { Logger } from '../logger';
import { contentSecurityPolicy } from '../security/contentSecurityPolicy';
import { APP_SCHEME, contentTypeOf, resolveAppFile } from '../security/appUrls';

/**
 * Declares the `app:` scheme as standard and secure, so that pages on it have an origin, resolve
 * relative URLs and may load ES modules. Electron accepts this only before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** Serves the built renderer from `rendererDir` on `app://workbench/`, with the CSP header. */
export function serveRenderer(rendererDir: string, logger: Logger): void {
  const securityHeaders = {
    'content-security-policy': contentSecurityPolicy(),
    'x-content-type-options': 'nosniff',
  };

  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(rendererDir, request.url);
    if (file === null) {
      logger.warn(`rejected a request for ${request.url}: the path is outside the renderer folder`);
      return new Response('Not found', { status: 404, headers: securityHeaders });
    }
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: { ...securityHeaders, 'content-type': contentTypeOf(file) },
      });
    } catch (error) {
      logger.warn(`could not serve ${request.url}`, error);
      return new Response('Not found', { status: 404, headers: securityHeaders });
    }
  });
}
