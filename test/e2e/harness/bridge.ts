/**
 * The browser side of the test harness: it defines `window.workbench` the way the preload does
 * under Electron, with the same `createApiProxy`, but over HTTP. Calls go to `POST /invoke`,
 * events arrive as server-sent events on `/events`, and a dropped file is uploaded because a page
 * outside Electron has no path for it.
 */
import { createApiProxy } from '../../../src/shared/ipc/createApiProxy';
import type {
  InvokeMethod,
  WorkbenchApi,
  WorkbenchEvent,
} from '../../../src/shared/ipc/workbenchApi';

// The node project's compiler settings have no DOM library, so the one browser type used here
// that Node's types lack is declared by hand.
interface BrowserEventSource {
  onopen: (() => void) | null;
  onmessage: ((message: { data: string }) => void) | null;
}
declare const EventSource: new (url: string) => BrowserEventSource;

const listeners = new Set<(event: WorkbenchEvent) => void>();

/** Opens the event stream now and settles once it is connected, so no early event is lost. */
function connectEvents(): Promise<void> {
  const source = new EventSource('/events');
  source.onmessage = (message) => {
    const event = JSON.parse(message.data) as WorkbenchEvent;
    for (const listener of listeners) listener(event);
  };
  return new Promise((resolve) => {
    source.onopen = () => resolve();
  });
}

const eventsConnected = connectEvents();

async function invoke(method: InvokeMethod, args: unknown[]): Promise<unknown> {
  // A run can finish within milliseconds; waiting for the stream keeps its event from being lost.
  await eventsConnected;

  const response = await fetch('/invoke', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ method, args }),
  });
  const body = (await response.json()) as { value?: unknown; error?: string };

  // Like `ipcRenderer.invoke`, a handler that throws rejects the call.
  if (!response.ok) throw new Error(`${method} failed: ${body.error ?? response.statusText}`);
  return body.value;
}

function subscribe(listener: (event: WorkbenchEvent) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function pathForDroppedFile(file: File): Promise<string> {
  const response = await fetch('/upload', {
    method: 'POST',
    headers: {
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(file.name),
    },
    body: file,
  });
  const body = (await response.json()) as { path?: string; error?: string };
  if (!response.ok || body.path === undefined) {
    throw new Error(`upload of ${file.name} failed: ${body.error ?? response.statusText}`);
  }
  return body.path;
}

(globalThis as { workbench?: WorkbenchApi }).workbench = createApiProxy(
  invoke,
  subscribe,
  pathForDroppedFile,
);
