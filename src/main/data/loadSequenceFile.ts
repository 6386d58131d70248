import type { EncodedSequences } from '../../shared/dataset/sequenceEncoding';
import { SequenceEncoder } from '../../shared/dataset/sequenceEncoding';
import { DataFile, ReadTracker } from './dataFile';

/**
 * Reads and one-hot encodes a sequence file in the UCI splice-junction layout, in pieces, and
 * returns the SHA-256 of its bytes. `role` starts the file's name in messages.
 */
export async function loadSequenceFile(
  path: string,
  role: string,
  onProgress?: (fraction: number) => void,
): Promise<{ encoded: EncodedSequences; contentHash: string }> {
  const file = await DataFile.open(path, role);
  try {
    const tracker = new ReadTracker(file.size, onProgress);
    const encoder = new SequenceEncoder(file.description);
    const decoder = new TextDecoder('utf-8');

    for await (const piece of file.readChunks(0, file.size)) {
      tracker.consume(piece);
      encoder.addText(decoder.decode(piece, { stream: true }));
    }
    encoder.addText(decoder.decode());
    return { encoded: encoder.finish(), contentHash: tracker.digest() };
  } finally {
    await file.close();
  }
}
