import type { Session } from 'electron';
import type { Logger } from '../logger';
import { isAllowedRequestUrl } from '../security/appUrls';
import { contentSecurityPolicy } from '../security/contentSecurityPolicy';

/**
 * Locks down the window's session: every permission request is denied, no request may leave for
 * the network, and responses from the dev server get the same CSP as the packaged app's pages.
 */
export function applySessionPolicy(session: Session, logger: Logger, devServerUrl?: string): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    logger.warn(`denied a request for the permission '${permission}'`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);

  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url, devServerUrl);
    if (!allowed) logger.warn(`blocked a request for ${details.url}`);
    callback({ cancel: !allowed });
  });

  if (devServerUrl === undefined) return;
  const policy = contentSecurityPolicy(devServerUrl);
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders, 'Content-Security-Policy': [policy] };
    callback({ responseHeaders: headers });
  });
}
