/**
 * The Electron entry: one window, the services wired to it over IPC, and a quit that first
 * stores a run still training, as cancelled.
 *
 * NOTE: electron-vite builds this entry, but no test launches it, because the Electron binary
 * cannot be installed on the build machine. The services behind it run under Node in the unit
 * tests and behind the browser harness. Running the end-to-end specs with an Electron binary
 * would cover the window, protocol and IPC code here.
 */
import { app, session, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { applySessionPolicy } from './electron/sessionPolicy';
import { registerAppScheme, serveRenderer } from './electron/appProtocol';
import { createElectronDialogs } from './electron/electronDialogs';
import { createMainWindow } from './electron/mainWindow';
import { registerWorkbenchIpc } from './ipc/registerWorkbenchIpc';
import { createLogger } from './logger';
import { APP_INDEX_URL } from './security/appUrls';
import {
  createWorkbenchServices,
  type WorkbenchServices,
} from './services/createWorkbenchServices';
import createTrainingWorker from './training/trainingWorker?nodeWorker';

const logger = createLogger({ component: 'main', level: app.isPackaged ? 'info' : 'debug' });
// electron-vite sets this in development only; the packaged app serves its own files.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;

let mainWindow: BrowserWindow | null = null;
let services: WorkbenchServices | null = null;
let disposed = false;

function openWindow(): void {
  mainWindow = createMainWindow({
    preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
    pageUrl: devServerUrl ?? APP_INDEX_URL,
    logger: logger.child('window'),
  });
  mainWindow.on('closed', () => (mainWindow = null));
}

function startServices(): WorkbenchServices {
  // TODO: no packager is configured yet. A packaged app reads `splice.data` from its resources
  // folder, so the packaging config must copy `resources/splice.data` there.
  const resourcesDir = app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources');
  return createWorkbenchServices({
    userDataDir: app.getPath('userData'),
    resourcesDir,
    appVersion: app.getVersion(),
    dialogs: createElectronDialogs(() => mainWindow),
    createWorker: () => createTrainingWorker({}),
    logger: logger.child('services'),
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  applySessionPolicy(session.defaultSession, logger.child('session'), devServerUrl);
  serveRenderer(join(import.meta.dirname, '../renderer'), logger.child('protocol'));

  services = startServices();
  registerWorkbenchIpc({
    services,
    getWindow: () => mainWindow,
    logger: logger.child('ipc'),
    devServerUrl,
  });
  openWindow();
  logger.info(`started version ${app.getVersion()}, data in ${app.getPath('userData')}`);
}

/** Holds the quit until a training run is stored, then quits for real. */
function disposeBeforeQuit(event: Electron.Event): void {
  if (disposed || services === null) return;
  event.preventDefault();
  disposed = true;
  services
    .dispose()
    .catch((error: unknown) =>
      logger.error('could not store the training run before quitting', error),
    )
    .finally(() => app.quit());
}

if (!app.requestSingleInstanceLock()) {
  // A second instance would write the same run folder; the first one takes the focus instead.
  app.quit();
} else {
  registerAppScheme();
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (attachEvent) => attachEvent.preventDefault());
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (mainWindow === null && services !== null) openWindow();
  });
  app.on('before-quit', disposeBeforeQuit);
  start().catch((error: unknown) => {
    logger.error('could not start', error);
    app.exit(1);
  });
}
