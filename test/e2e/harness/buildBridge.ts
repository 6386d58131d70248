import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const BRIDGE_ENTRY = fileURLToPath(new URL('./bridge.ts', import.meta.url));

/**
 * Bundles `bridge.ts` with the shared API proxy into one classic script. It must be a classic
 * script, not a module, so it runs before the app's deferred module script.
 */
export async function buildBridgeScript(): Promise<string> {
  const result = await build({
    entryPoints: [BRIDGE_ENTRY],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}
