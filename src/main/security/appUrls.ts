/**
 * The URLs of the app's own pages. In a packaged or previewed app the renderer is served from
 * the custom scheme `app://workbench/`, never from file://, so that every response can carry a
 * Content-Security-Policy header and the page has an origin of its own. In development the
 * renderer comes from electron-vite's dev server instead.
 */
import { extname, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'workbench';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Returns whether `url` is a page of the app: on `app://workbench/`, or on the dev server's origin when
 * `devServerUrl` is given. Node gives URLs of unknown schemes the origin "null", so scheme and
 * host are compared instead of origins.
 */
export function isAppPageUrl(url: string, devServerUrl?: string): boolean {
  const page = parseUrl(url);
  if (page === null) return false;
  if (devServerUrl !== undefined) {
    const server = parseUrl(devServerUrl);
    return server !== null && page.protocol === server.protocol && page.host === server.host;
  }
  return page.protocol === `${APP_SCHEME}:` && page.host === APP_HOST;
}

/**
 * Returns whether the session may send a request to `url`. Only the dev server, with its hot-reload
 * socket, and DevTools' own pages are reachable; the app loads nothing from the network.
 */
export function isAllowedRequestUrl(url: string, devServerUrl?: string): boolean {
  const target = parseUrl(url);
  if (target === null) return false;
  if (target.protocol === 'devtools:' || target.protocol === `${APP_SCHEME}:`) return true;
  if (devServerUrl === undefined) return false;

  const server = parseUrl(devServerUrl);
  if (server === null || target.host !== server.host) return false;
  return target.protocol === server.protocol || target.protocol === 'ws:';
}

/**
 * Maps an `app://workbench/...` URL to a file inside `rendererDir`. Returns null for another
 * scheme or host, a malformed escape, or a path that would leave the folder, such as one with
 * an encoded slash and `..`.
 */
export function resolveAppFile(rendererDir: string, url: string): string | null {
  const parsed = parseUrl(url);
  if (parsed === null || parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) {
    return null;
  }

  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }

  const root = resolve(rendererDir);
  const file = resolve(root, pathname === '/' ? 'index.html' : `.${pathname}`);
  return file.startsWith(root + sep) ? file : null;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** Returns the Content-Type of a renderer file, by its extension. */
export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}
