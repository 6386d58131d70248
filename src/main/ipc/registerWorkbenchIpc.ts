import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../shared/ipc/workbenchApi';
import type { Logger } from '../logger';
import type { WorkbenchServices } from '../services/createWorkbenchServices';
import { isTrustedSender, type SenderFrame } from './trustedSender';

export interface WorkbenchIpcOptions {
  services: WorkbenchServices;
  getWindow: () => BrowserWindow | null;
  logger: Logger;
  /** The dev server's URL in development, whose pages are then the app's pages. */
  devServerUrl?: string;
}

/**
 * Connects the services to the renderer. One handler on the invoke channel serves only the app's
 * own page, and every service event goes to the window on the event channel. Returns the
 * function that disconnects both.
 */
export function registerWorkbenchIpc(options: WorkbenchIpcOptions): () => void {
  const { services, getWindow, logger } = options;

  ipcMain.handle(INVOKE_CHANNEL, (event, method: unknown, args: unknown) => {
    if (!isTrustedSender(describeSender(event, getWindow()), options.devServerUrl)) {
      logger.warn(
        `ignored an invoke call from an unknown sender at ${event.senderFrame?.url ?? 'a closed frame'}`,
      );
      return {
        ok: false,
        error: { code: 'invalid-payload', message: 'the sender is not the app window' },
      };
    }
    // The services check the method's type too, so a non-string goes in as it came.
    return services.invoke(method as string, args);
  });

  const stopEvents = services.onEvent((event) => {
    const window = getWindow();
    if (window !== null && !window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, event);
  });

  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    stopEvents();
  };
}

function describeSender(
  event: IpcMainInvokeEvent,
  window: BrowserWindow | null,
): SenderFrame | null {
  const frame = event.senderFrame;
  if (frame === null) return null;
  const fromAppWindow =
    window !== null && !window.isDestroyed() && event.sender.id === window.webContents.id;
  return { fromAppWindow, isTopFrame: frame.parent === null, url: frame.url };
}
