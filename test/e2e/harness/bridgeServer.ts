import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { basename, join } from 'node:path';
import type { Logger } from '../../../src/main/logger';
import type { WorkbenchServices } from '../../../src/main/services/createWorkbenchServices';
import type { WorkbenchEvent } from '../../../src/shared/ipc/workbenchApi';
import {
  RejectedRequest,
  checkRequestKind,
  checkRequestOrigin,
  readBody,
  readJsonBody,
  sendJson,
} from './requestGuard';
import { BRIDGE_SCRIPT_PATH, sendRendererFile } from './rendererFiles';
import { parseDialogAnswer } from './scriptedDialogs';
import type { ScriptedDialogs } from './scriptedDialogs';

/** Largest `/invoke` body: far above any real call, which carries options and ids only. */
export const MAX_INVOKE_BYTES = 1024 * 1024;
/** Largest upload: room for the 12 MB splice feature matrix several times over. */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;
const MAX_DIALOG_BYTES = 64 * 1024;

export interface BridgeServerOptions {
  /** The built renderer, `out/renderer`. */
  rendererDir: string;
  /** The bundled `bridge.ts`. */
  bridgeScript: string;
  services: Pick<WorkbenchServices, 'invoke' | 'onEvent'>;
  dialogs: ScriptedDialogs;
  /** Folder the server owns, where uploaded files are written. */
  uploadDir: string;
  logger: Logger;
  /** 0, the default, lets the system choose a free port. */
  port?: number;
}

export interface BridgeServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

type Route = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/**
 * Starts the harness's HTTP server on 127.0.0.1 and resolves once it listens. Every request
 * passes the origin checks first. `/invoke`, `/events`, `/upload` and `/harness/*` are the
 * bridge, and any other GET is a file of the built renderer.
 */
export async function startBridgeServer(options: BridgeServerOptions): Promise<BridgeServer> {
  const streams = new Set<ServerResponse>();
  const routes = createRoutes(options, streams);
  let port = 0;

  const server = createServer((request, response) => {
    void handleRequest(request, response, port, routes, options).catch((error: unknown) =>
      rejectRequest(request, response, error, options.logger),
    );
  });
  port = await listen(server, options.port ?? 0);

  return { url: `http://127.0.0.1:${port}/`, port, close: () => closeServer(server, streams) };
}

async function handleRequest(
  request: IncomingMessage,
  response: ServerResponse,
  port: number,
  routes: Record<string, Route>,
  options: BridgeServerOptions,
): Promise<void> {
  checkRequestOrigin(request, { port });
  const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
  const route = routes[path];
  if (route) return route(request, response);

  checkRequestKind(request, 'GET');
  await sendRendererFile(response, options.rendererDir, path);
}

function rejectRequest(
  request: IncomingMessage,
  response: ServerResponse,
  error: unknown,
  logger: Logger,
): void {
  const status = error instanceof RejectedRequest ? error.status : 500;
  const message = error instanceof Error ? error.message : String(error);
  const line = `${request.method} ${request.url} answered ${status}: ${message}`;
  if (status >= 500) logger.error(line, error);
  else logger.warn(line);
  if (response.headersSent) response.destroy();
  else sendJson(response, status, { error: message });
}

function createRoutes(
  options: BridgeServerOptions,
  streams: Set<ServerResponse>,
): Record<string, Route> {
  let uploads = 0;
  return {
    '/invoke': (request, response) => handleInvoke(request, response, options.services),
    '/events': async (request, response) =>
      openEventStream(request, response, options.services, streams),
    '/upload': (request, response) =>
      handleUpload(request, response, join(options.uploadDir, String(++uploads))),
    '/harness/dialog': (request, response) => handleDialog(request, response, options.dialogs),
    [BRIDGE_SCRIPT_PATH]: async (request, response) => {
      checkRequestKind(request, 'GET');
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      response.end(options.bridgeScript);
    },
  };
}

/**
 * Passes `{ method, args }` to the services as the Electron IPC handler does. The body is checked
 * for being a JSON object only: checking the method and its arguments is the services' job, and
 * hostile payloads sent here test exactly that.
 */
async function handleInvoke(
  request: IncomingMessage,
  response: ServerResponse,
  services: BridgeServerOptions['services'],
): Promise<void> {
  checkRequestKind(request, 'POST', 'application/json');
  const body = await readJsonBody(request, MAX_INVOKE_BYTES);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new RejectedRequest(400, 'body must be a JSON object {"method": ..., "args": [...]}');
  }

  const { method, args } = body as { method?: unknown; args?: unknown };
  const value = await services.invoke(method as string, args);
  sendJson(response, 200, { value });
}

function openEventStream(
  request: IncomingMessage,
  response: ServerResponse,
  services: BridgeServerOptions['services'],
  streams: Set<ServerResponse>,
): void {
  checkRequestKind(request, 'GET');
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  response.flushHeaders();

  // NOTE: JSON has no NaN or Infinity, so a diverged loss arrives in the page as null, where
  // Electron's structured clone keeps the number. A spec on diverged runs needs an encoding
  // that keeps them.
  const send = (event: WorkbenchEvent) => response.write(`data: ${JSON.stringify(event)}\n\n`);
  const unsubscribe = services.onEvent(send);
  streams.add(response);
  request.on('close', () => {
    unsubscribe();
    streams.delete(response);
  });
}

/** Writes an uploaded file under its own name into a new folder and returns its path. */
async function handleUpload(
  request: IncomingMessage,
  response: ServerResponse,
  folder: string,
): Promise<void> {
  checkRequestKind(request, 'POST', 'application/octet-stream');
  const name = uploadedFileName(request.headers['x-file-name']);
  const bytes = await readBody(request, MAX_UPLOAD_BYTES);

  await mkdir(folder, { recursive: true });
  const path = join(folder, name);
  await writeFile(path, bytes);
  sendJson(response, 200, { path });
}

/** Returns the dropped file's own name, so the app's messages name the file a person dropped. */
function uploadedFileName(header: string | string[] | undefined): string {
  let name = '';
  try {
    name = typeof header === 'string' ? decodeURIComponent(header) : '';
  } catch {
    // Bad percent-encoding is reported below like a missing name.
  }
  const valid =
    name !== '' && name.length <= 255 && name === basename(name) && !/^\.\.?$/.test(name);
  if (!valid || name.includes('\\') || name.includes('\0')) {
    throw new RejectedRequest(400, 'x-file-name must be a percent-encoded file name, not a path');
  }
  return name;
}

async function handleDialog(
  request: IncomingMessage,
  response: ServerResponse,
  dialogs: ScriptedDialogs,
): Promise<void> {
  if (request.method === 'GET') {
    return sendJson(response, 200, {
      pendingAnswers: dialogs.pendingAnswers,
      requests: dialogs.requests,
    });
  }
  checkRequestKind(request, 'POST', 'application/json');
  dialogs.queue(parseDialogAnswer(await readJsonBody(request, MAX_DIALOG_BYTES)));
  sendJson(response, 200, { pendingAnswers: dialogs.pendingAnswers });
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        reject(new Error('server has no TCP address after listen'));
      } else {
        resolve(address.port);
      }
    });
  });
}

function closeServer(server: Server, streams: Set<ServerResponse>): Promise<void> {
  for (const stream of streams) stream.end();
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
