/// <reference types="svelte" />
/// <reference types="vite/client" />
import type { WorkbenchApi } from '../shared/ipc/workbenchApi';

declare global {
  interface Window {
    /** The API to main, exposed by the preload (or by the browser test harness). */
    workbench: WorkbenchApi;
  }
}
