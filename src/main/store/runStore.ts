import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../../shared/errors';
import type { RunListing } from '../../shared/ipc/workbenchApi';
import type { RunRecord, RunSummary } from '../../shared/runs/runRecord';
import { summarizeRun } from '../../shared/runs/summarizeRun';
import type { Logger } from '../logger';
import { parseRunRecord } from './parseRunRecord';
import { isRunId } from './runId';
import { writeFileAtomic } from './writeFileAtomic';

const RUN_FILE_SUFFIX = '.json';

/**
 * Stores each run as one JSON file `<folder>/<id>.json` that contains a `RunRecord`. Every id is
 * checked against `RUN_ID_PATTERN` before a path is built from it, so no id can reach a file
 * outside the folder. Writes are atomic, so a crash leaves either the old file or the new one.
 */
export class RunStore {
  /**
   * Summaries of the files read by the last listing, by file name, with the inode, time and size
   * the file had. A run of many epochs is megabytes of JSON, so an unchanged file is not parsed
   * again. An atomic write gives the file a new inode, so a rewrite is always noticed.
   */
  private summaries = new Map<string, { version: string; summary: RunSummary }>();

  constructor(
    readonly folder: string,
    private readonly logger: Logger,
  ) {}

  /** Writes a run, replacing the stored run with the same id. */
  async save(record: RunRecord): Promise<void> {
    const path = this.pathOf(record.id);
    await mkdir(this.folder, { recursive: true });
    await writeFileAtomic(path, `${JSON.stringify(record, null, 1)}\n`);
  }

  /**
   * Reads one run; throws `InputError` 'not-found', or 'invalid-file' for a file that is not a
   * run or contains a run with another id, which a rename would otherwise save under that other id.
   */
  async get(id: string): Promise<RunRecord> {
    const path = this.pathOf(id);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if (isMissingFile(error)) throw new InputError('not-found', `run ${id} does not exist`);
      throw error;
    }
    return checkRecordId(parseRunText(text, path), id, path);
  }

  /**
   * Lists every stored run, newest first. A file that cannot be read or is not a run is skipped
   * and named in `warnings`, so one damaged file never hides the others.
   */
  async list(): Promise<RunListing> {
    const runs: RunSummary[] = [];
    const warnings: string[] = [];
    const previous = this.summaries;
    this.summaries = new Map();

    for (const fileName of await this.listFileNames()) {
      const problem = await this.readSummary(fileName, previous, runs);
      if (problem !== null) {
        warnings.push(`Skipped a run file. ${problem}`);
        this.logger.warn(`skipped a run file: ${problem}`);
      }
    }

    runs.sort(newestFirst);
    return { runs, warnings };
  }

  async rename(id: string, name: string): Promise<RunSummary> {
    const record = await this.get(id);
    const renamed = { ...record, name };
    await this.save(renamed);
    return summarizeRun(renamed);
  }

  async remove(id: string): Promise<void> {
    try {
      await rm(this.pathOf(id));
    } catch (error) {
      if (isMissingFile(error)) throw new InputError('not-found', `run ${id} does not exist`);
      throw error;
    }
  }

  /**
   * File names in the folder, without hidden files: those include the temporary files of writes
   * in progress and files that file managers leave, such as `.DS_Store`.
   */
  private async listFileNames(): Promise<string[]> {
    try {
      const names = await readdir(this.folder);
      return names.filter((name) => !name.startsWith('.')).sort();
    } catch (error) {
      if (isMissingFile(error)) return [];
      throw error;
    }
  }

  /**
   * Adds the summary of one file to `runs`. Returns null, or the problem found in a sentence
   * that starts with the file's path.
   */
  private async readSummary(
    fileName: string,
    previous: RunStore['summaries'],
    runs: RunSummary[],
  ): Promise<string | null> {
    const path = join(this.folder, fileName);
    const id = fileName.slice(0, -RUN_FILE_SUFFIX.length);
    if (!fileName.endsWith(RUN_FILE_SUFFIX) || !isRunId(id)) {
      return `${path}: the file name is not a run id followed by .json`;
    }

    try {
      const stats = await stat(path);
      const version = `${stats.ino}:${stats.mtimeMs}:${stats.size}`;
      const cached = previous.get(fileName);
      const summary =
        cached?.version === version ? cached.summary : await this.readFileSummary(path, id);
      this.summaries.set(fileName, { version, summary });
      runs.push(summary);
      return null;
    } catch (error) {
      return error instanceof InputError ? error.message : `${path}: ${String(error)}`;
    }
  }

  private async readFileSummary(path: string, id: string): Promise<RunSummary> {
    const record = parseRunText(await readFile(path, 'utf8'), path);
    return summarizeRun(checkRecordId(record, id, path));
  }

  private fileNameOf(id: string): string {
    if (!isRunId(id)) {
      throw new InputError('invalid-payload', `${JSON.stringify(id)} is not a valid run id`);
    }
    return `${id}${RUN_FILE_SUFFIX}`;
  }

  private pathOf(id: string): string {
    return join(this.folder, this.fileNameOf(id));
  }
}

/** Parses a run file's text; `path` starts every error message. */
function parseRunText(text: string, path: string): RunRecord {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError('invalid-file', `${path}: the file is not valid JSON (${reason})`);
  }
  return parseRunRecord(json, path);
}

/** Returns the record read from the file of run `id`, or throws if it contains another run. */
function checkRecordId(record: RunRecord, id: string, path: string): RunRecord {
  if (record.id === id) return record;
  throw new InputError(
    'invalid-file',
    `${path}: the file contains run ${JSON.stringify(record.id)}`,
  );
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'ENOENT';
}

/** Orders by start time, newest first, and by id within the same second. */
function newestFirst(a: RunSummary, b: RunSummary): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  if (a.id === b.id) return 0;
  return a.id < b.id ? 1 : -1;
}
