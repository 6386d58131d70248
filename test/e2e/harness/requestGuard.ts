import type { IncomingMessage, ServerResponse } from 'node:http';

/** Limits and the address a request must be aimed at to be served. */
export interface GuardOptions {
  /** Port the server listens on, so the Host header can be checked exactly. */
  port: number;
}

/** A request the harness rejects, with the HTTP status to send back. */
export class RejectedRequest extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.name = 'RejectedRequest';
    this.status = status;
  }
}

const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::ffff:127.0.0.1']);

/**
 * Rejects requests that come from another address or name another host. The Host check keeps a
 * page from another origin out through DNS rebinding, and the Origin check keeps a page on
 * another local port from posting here.
 */
export function checkRequestOrigin(request: IncomingMessage, options: GuardOptions): void {
  const remote = request.socket.remoteAddress ?? '';
  if (!LOOPBACK_ADDRESSES.has(remote)) {
    throw new RejectedRequest(
      403,
      `requests from ${remote} are rejected: only 127.0.0.1 is served`,
    );
  }

  const expectedHost = `127.0.0.1:${options.port}`;
  if (request.headers.host !== expectedHost) {
    throw new RejectedRequest(421, `Host must be ${expectedHost}, not ${request.headers.host}`);
  }

  const origin = request.headers.origin;
  if (origin !== undefined && origin !== `http://${expectedHost}`) {
    throw new RejectedRequest(403, `Origin ${origin} is rejected: only http://${expectedHost}`);
  }
}

/** Rejects a request whose method or content type is not the one expected. */
export function checkRequestKind(request: IncomingMessage, method: string, type?: string): void {
  if (request.method !== method) {
    throw new RejectedRequest(405, `${request.url} accepts ${method} only`);
  }
  const contentType = (request.headers['content-type'] ?? '').split(';')[0].trim();
  if (type !== undefined && contentType !== type) {
    throw new RejectedRequest(415, `${request.url} accepts ${type} only, not '${contentType}'`);
  }
}

/** Reads the whole body, rejecting it once it passes `maxBytes`. */
export async function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw tooLarge(maxBytes);

  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of request) {
    length += (chunk as Buffer).length;
    if (length > maxBytes) throw tooLarge(maxBytes);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Parses a JSON body, or rejects it with 400 naming the parse error. */
export async function readJsonBody(request: IncomingMessage, maxBytes: number): Promise<unknown> {
  const text = (await readBody(request, maxBytes)).toString('utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new RejectedRequest(400, `body is not valid JSON: ${(error as Error).message}`);
  }
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  response.end(text);
}

function tooLarge(maxBytes: number): RejectedRequest {
  return new RejectedRequest(413, `body is larger than the limit of ${maxBytes} bytes`);
}
