import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeWriteFailure, writeFileAtomic } from '../../src/main/store/writeFileAtomic';
import { createTempDir } from './fixtures/workbenchServicesFixture';

let folder: string;

beforeEach(async () => {
  folder = await createTempDir();
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes a name of 250 bytes', async () => {
    // ext4 allows names of up to 255 bytes, and the temporary file's name must fit that too.
    const name = `${'w'.repeat(245)}.json`;
    await writeFileAtomic(join(folder, name), 'text\n');

    expect(await readdir(folder)).toEqual([name]);
    expect(await readFile(join(folder, name), 'utf8')).toBe('text\n');
  });

  it('writes a long name of multibyte characters', async () => {
    // 83 characters of 3 UTF-8 bytes each, plus the suffix: 251 bytes.
    const name = `${'重'.repeat(83)}.j`;
    await writeFileAtomic(join(folder, name), 'text\n');

    expect(await readdir(folder)).toEqual([name]);
  });
});

describe('describeWriteFailure', () => {
  it('describes a missing folder', async () => {
    const error = await writeFileAtomic(join(folder, 'absent', 'run.json'), '').then(
      () => null,
      (thrown: unknown) => thrown,
    );

    expect(describeWriteFailure(error)).toBe('its folder does not exist');
  });

  it('gives the code of an unlisted error', () => {
    expect(describeWriteFailure(Object.assign(new Error('x'), { code: 'EIO' }))).toBe('error EIO');
  });
});
