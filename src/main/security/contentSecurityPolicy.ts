/**
 * Returns the Content-Security-Policy of the renderer, sent as a response header with every page.
 * Scripts come only from the app itself, with no inline script and no eval. Inline styles are
 * allowed because Svelte inserts a template's `style` attributes as HTML, which a policy without
 * 'unsafe-inline' blocks. Nothing may be framed, posted or fetched from another origin.
 */
export function contentSecurityPolicy(devServerUrl?: string): string {
  // The dev server's hot reload talks over a WebSocket on the dev server's host.
  const devSocket = devServerUrl === undefined ? '' : ` ws://${new URL(devServerUrl).host}`;
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${devSocket}`,
    "worker-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
