import { randomBytes } from 'node:crypto';
import type { Dataset, DatasetSummary } from '../../shared/dataset/dataset';
import { summarizeDataset } from '../../shared/dataset/summarizeDataset';
import { InputError } from '../../shared/errors';
import type { OpenDatasetRequest } from '../../shared/ipc/workbenchApi';
import { loadDataset } from '../data/loadDataset';
import type { Logger } from '../logger';

/** A data set id: `dataset-` and twelve random hex digits. */
export const DATASET_ID_PATTERN = /^dataset-[0-9a-f]{12}$/;

/**
 * Data sets kept in memory at once. A large data set takes hundreds of megabytes, so the least
 * recently opened one is released when another is opened beyond this count.
 */
export const MAX_OPEN_DATASETS = 4;

/** The data sets loaded in this session, by id. */
export class DatasetRegistry {
  private readonly datasets = new Map<string, Dataset>();

  constructor(
    private readonly resourcesDir: string,
    private readonly logger: Logger,
  ) {}

  /**
   * Loads a data set and returns its summary. A file opened again with unchanged contents gets
   * the id it already has, so opening it twice does not hold two copies.
   */
  async open(request: OpenDatasetRequest): Promise<DatasetSummary> {
    const started = performance.now();
    const dataset = await loadDataset(request, { resourcesDir: this.resourcesDir });
    const id = this.findSame(dataset) ?? `dataset-${randomBytes(6).toString('hex')}`;

    // Deleting first moves the id to the end of the insertion order, the most recent place.
    this.datasets.delete(id);
    this.datasets.set(id, dataset);
    this.releaseOldest();

    const milliseconds = Math.round(performance.now() - started);
    this.logger.info(`opened data set ${id} '${dataset.name}' in ${milliseconds} ms`);
    return summarizeDataset(id, dataset);
  }

  /** Returns a loaded data set; throws `InputError('not-found')` for an unknown id. */
  get(id: string): Dataset {
    const dataset = this.datasets.get(id);
    if (dataset === undefined) {
      throw new InputError(
        'not-found',
        `data set ${id} is not loaded; it was released or the app restarted, so open it again`,
      );
    }
    return dataset;
  }

  private findSame(dataset: Dataset): string | undefined {
    const source = JSON.stringify(dataset.source);
    for (const [id, open] of this.datasets) {
      if (open.contentHash === dataset.contentHash && JSON.stringify(open.source) === source) {
        return id;
      }
    }
    return undefined;
  }

  private releaseOldest(): void {
    while (this.datasets.size > MAX_OPEN_DATASETS) {
      const [oldest] = this.datasets.keys();
      this.datasets.delete(oldest);
      this.logger.info(
        `released data set ${oldest} to keep at most ${MAX_OPEN_DATASETS} in memory`,
      );
    }
  }
}
