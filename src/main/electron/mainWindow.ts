import { BrowserWindow } from 'electron';
import type { Logger } from '../logger';

export interface MainWindowOptions {
  /** The compiled preload, a CommonJS file because a sandboxed preload cannot load ES modules. */
  preloadPath: string;
  /** The renderer page: `app://workbench/index.html`, or the dev server's URL in development. */
  pageUrl: string;
  logger: Logger;
}

/**
 * Opens the app's one window with the renderer isolated from Node: context isolation and the
 * sandbox on, Node integration off. The page can neither navigate away nor open new windows.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'LogReg Workbench',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  });

  const { webContents } = window;
  webContents.on('will-navigate', (event, url) => {
    event.preventDefault();
    options.logger.warn(`blocked navigation to ${url}`);
  });
  webContents.on('will-redirect', (event, url) => {
    event.preventDefault();
    options.logger.warn(`blocked a redirect to ${url}`);
  });
  webContents.setWindowOpenHandler(({ url }) => {
    options.logger.warn(`blocked a new window for ${url}`);
    return { action: 'deny' };
  });

  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.pageUrl);
  return window;
}
