import { app, dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';
import { join } from 'node:path';
import type { DatasetFileKind } from '../../shared/ipc/workbenchApi';
import type { DialogPort } from '../services/dialogPort';

const OPEN_OPTIONS: Record<DatasetFileKind, OpenDialogOptions> = {
  'npy-pair': {
    title: 'Open the features and labels .npy files',
    properties: ['openFile', 'multiSelections'],
    filters: [{ name: 'NumPy arrays', extensions: ['npy'] }],
  },
  sequences: {
    title: 'Open a sequence file',
    properties: ['openFile'],
    filters: [
      { name: 'Sequence files', extensions: ['data', 'txt', 'csv'] },
      { name: 'All files', extensions: ['*'] },
    ],
  },
};

/** Creates the native open and save dialogs, attached to the app's window when it exists. */
export function createElectronDialogs(getWindow: () => BrowserWindow | null): DialogPort {
  return {
    async showOpen(kind) {
      const window = getWindow();
      const options = OPEN_OPTIONS[kind];
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths;
    },
    async showSave(defaultName) {
      const window = getWindow();
      const options = {
        title: 'Export weights',
        defaultPath: join(app.getPath('documents'), defaultName),
        filters: [{ name: 'JSON', extensions: ['json'] }],
      };
      const result = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
