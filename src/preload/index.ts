/**
 * The preload: exposes `window.workbench`, the `WorkbenchApi`, to the sandboxed renderer. The
 * renderer gets only these methods, never `ipcRenderer` itself.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { createApiProxy } from '../shared/ipc/createApiProxy';
import { EVENT_CHANNEL, INVOKE_CHANNEL, type WorkbenchEvent } from '../shared/ipc/workbenchApi';

const api = createApiProxy(
  (method, args) => ipcRenderer.invoke(INVOKE_CHANNEL, method, args),
  (listener) => {
    const forward = (_event: IpcRendererEvent, event: WorkbenchEvent) => listener(event);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
  async (file) => webUtils.getPathForFile(file),
);

contextBridge.exposeInMainWorld('workbench', api);
