/**
 * The browser test harness: serves the built renderer on 127.0.0.1 and runs the real main-process
 * services behind it, so Playwright can drive the app in plain Chromium where no Electron binary
 * is available. Run it with `node --import tsx test/e2e/harness/server.ts [--user-data-dir DIR]
 * [--port N]`; it prints `harness listening on URL` once it serves.
 */
import { access, mkdtemp, mkdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createWorkbenchServices } from '../../../src/main/services/createWorkbenchServices';
import type { WorkbenchServices } from '../../../src/main/services/createWorkbenchServices';
import { createTsxTrainingWorker } from '../../../src/main/training/tsxWorker';
import { createLogger } from '../../../src/main/logger';
import type { Logger } from '../../../src/main/logger';
import { startBridgeServer } from './bridgeServer';
import { buildBridgeScript } from './buildBridge';
import { ScriptedDialogs } from './scriptedDialogs';

const REPOSITORY_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface HarnessOptions {
  /** Where runs are stored; a temporary folder, removed on close, when absent. */
  userDataDir?: string;
  rendererDir?: string;
  port?: number;
  /** Receives every log line; stderr when absent, so stdout carries only the URL line. */
  logger?: Logger;
}

export interface Harness {
  url: string;
  userDataDir: string;
  close(): Promise<void>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const logger = options.logger ?? createLogger({ component: 'harness', write: writeToStderr });
  const rendererDir = options.rendererDir ?? join(REPOSITORY_ROOT, 'out', 'renderer');
  await checkRendererBuilt(rendererDir);
  const tempRoot = await mkdtemp(join(tmpdir(), 'logreg-e2e-'));
  const userDataDir = options.userDataDir ?? join(tempRoot, 'user-data');
  await mkdir(userDataDir, { recursive: true });

  const dialogs = new ScriptedDialogs(logger.child('dialogs'));
  const services = await createServices(userDataDir, dialogs, logger);
  const server = await startBridgeServer({
    rendererDir,
    bridgeScript: await buildBridgeScript(),
    services,
    dialogs,
    uploadDir: join(tempRoot, 'uploads'),
    logger: logger.child('http'),
    port: options.port,
  });
  logger.info(`serving ${rendererDir} on ${server.url}, runs in ${userDataDir}`);

  const close = async () => {
    await server.close();
    await services.dispose();
    await rm(tempRoot, { recursive: true, force: true });
    logger.info('stopped');
  };
  return { url: server.url, userDataDir, close };
}

/** Creates the real services, as the Electron entry does, with scripted dialogs. */
async function createServices(
  userDataDir: string,
  dialogs: ScriptedDialogs,
  logger: Logger,
): Promise<WorkbenchServices> {
  return createWorkbenchServices({
    userDataDir,
    resourcesDir: join(REPOSITORY_ROOT, 'resources'),
    appVersion: await readAppVersion(),
    dialogs,
    createWorker: createTsxTrainingWorker,
    logger: logger.child('services'),
  });
}

async function checkRendererBuilt(rendererDir: string): Promise<void> {
  try {
    await access(join(rendererDir, 'index.html'));
  } catch {
    throw new Error(`${rendererDir}/index.html not found: run \`npm run build\` first`);
  }
}

function writeToStderr(_level: string, line: string): void {
  process.stderr.write(`${line}\n`);
}

async function readAppVersion(): Promise<string> {
  const manifest = JSON.parse(await readFile(join(REPOSITORY_ROOT, 'package.json'), 'utf8'));
  return String(manifest.version);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'user-data-dir': { type: 'string' },
      'renderer-dir': { type: 'string' },
      port: { type: 'string', default: '0' },
    },
  });
  const harness = await startHarness({
    userDataDir: values['user-data-dir'] && resolve(values['user-data-dir']),
    rendererDir: values['renderer-dir'] && resolve(values['renderer-dir']),
    port: Number(values.port),
  });
  process.stdout.write(`harness listening on ${harness.url}\n`);

  const stop = () => void harness.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // Started by a test runner with an IPC channel: stop when the runner goes, even if killed.
  if (process.connected) process.once('disconnect', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`harness failed to start: ${(error as Error).stack ?? error}\n`);
    process.exit(1);
  });
}
