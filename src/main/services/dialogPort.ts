import type { DatasetFileKind } from '../../shared/ipc/workbenchApi';

/**
 * The native file dialogs, behind an interface so that the services run without Electron. The
 * app passes Electron's dialogs, while tests and the browser harness pass scripted responses.
 */
export interface DialogPort {
  /** Resolves to the chosen paths, or null when the person cancelled. */
  showOpen(kind: DatasetFileKind): Promise<string[] | null>;
  /** Resolves to the chosen path, or null when the person cancelled. */
  showSave(defaultName: string): Promise<string | null>;
}
