import type { InvokeMethod, WorkbenchApi, WorkbenchEvent } from './workbenchApi';

/** Sends one method call to main and resolves to its return value. */
export type InvokeTransport = (method: InvokeMethod, args: unknown[]) => Promise<unknown>;

/** Registers a listener for every event from main; returns the function that removes it. */
export type EventTransport = (listener: (event: WorkbenchEvent) => void) => () => void;

/**
 * Builds `WorkbenchApi` on top of two transports. The preload passes Electron's IPC; the browser
 * test harness passes HTTP, so both run this same proxy.
 */
export function createApiProxy(
  invoke: InvokeTransport,
  subscribe: EventTransport,
  pathForDroppedFile: (file: File) => Promise<string>,
): WorkbenchApi {
  const call =
    <T>(method: InvokeMethod) =>
    (...args: unknown[]) =>
      invoke(method, args) as Promise<T>;

  return {
    datasets: { open: call('datasets.open'), chooseFiles: call('datasets.chooseFiles') },
    training: {
      start: call('training.start'),
      cancel: call('training.cancel'),
      onProgress: (listener) =>
        subscribe((event) => {
          if (event.type === 'training-progress') listener(event.progress);
        }),
      onFinished: (listener) =>
        subscribe((event) => {
          if (event.type === 'training-finished') listener(event.run, event.saveError);
        }),
    },
    runs: {
      list: call('runs.list'),
      get: call('runs.get'),
      rename: call('runs.rename'),
      remove: call('runs.remove'),
    },
    export: { exportWeights: call('export.exportWeights') },
    pathForDroppedFile,
  };
}
