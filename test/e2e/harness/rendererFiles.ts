import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { RejectedRequest } from './requestGuard';

export const BRIDGE_SCRIPT_PATH = '/harness/bridge.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/**
 * Inserts the bridge's script tag before the page's first script, so `window.workbench` exists
 * before the app's module runs, as it does under Electron's preload. The tag is same-origin, so
 * a `script-src 'self'` policy in the page's CSP meta allows it unchanged.
 */
export function injectBridgeTag(html: string): string {
  const tag = `<script src="${BRIDGE_SCRIPT_PATH}"></script>`;
  const firstScript = html.search(/<script\b/i);
  if (firstScript >= 0)
    return html.slice(0, firstScript) + tag + '\n    ' + html.slice(firstScript);

  const headEnd = html.search(/<\/head>/i);
  if (headEnd < 0) throw new RejectedRequest(500, 'index.html has neither a <script> nor </head>');
  return html.slice(0, headEnd) + tag + '\n  ' + html.slice(headEnd);
}

/** Maps a URL path to a file under `root`, rejecting any path that leaves it. */
export function resolveRendererFile(root: string, urlPath: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    throw new RejectedRequest(400, `path ${urlPath} is not valid percent-encoding`);
  }
  if (decoded.includes('\0')) throw new RejectedRequest(400, 'path must not contain NUL');

  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = resolve(root, relative);
  if (!file.startsWith(resolve(root) + sep)) {
    throw new RejectedRequest(403, `path ${urlPath} is outside the renderer folder`);
  }
  return file;
}

/** Sends one file of the built renderer, with the bridge tag added to `index.html`. */
export async function sendRendererFile(
  response: ServerResponse,
  root: string,
  urlPath: string,
): Promise<void> {
  const file = resolveRendererFile(root, urlPath);
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    throw new RejectedRequest(404, `${urlPath} not found in the built renderer`);
  }

  const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
  if (file.endsWith(`${sep}index.html`)) body = Buffer.from(injectBridgeTag(body.toString('utf8')));
  response.writeHead(200, {
    'content-type': type,
    'content-length': body.length,
    'cache-control': 'no-store',
  });
  response.end(body);
}
