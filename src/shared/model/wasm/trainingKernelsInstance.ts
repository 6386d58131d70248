/**
 * Loads the WebAssembly training kernels (trainingKernels.wat) from their embedded copy. The
 * module is compiled once per thread, and each engine owns an instance and its memory until it
 * releases them.
 */
import { TRAINING_KERNELS_BASE64 } from './trainingKernelsBinary';

/** The parts of a WebAssembly memory the kernels use. */
interface KernelMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

/**
 * The parts of the WebAssembly JavaScript API used here. They are declared here because neither
 * the ES2022 library nor @types/node declares them, and only the renderer has the DOM library.
 */
interface WebAssemblyApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
}

/** The functions trainingKernels.wat exports; pointers are byte addresses in `memory`. */
export interface TrainingKernelExports {
  memory: KernelMemory;
  sumPairs(pairs: number, count: number, out: number, toSums: number): void;
  spreadPairs(pairs: number, count: number, first: number, toSums: number): void;
  gatherRows(codes: number, rows: number, units: number, bias: number, out: number): void;
  scatterRows(codes: number, rows: number, units: number, residuals: number, toSums: number): void;
  denseLogits(x: number, rows: number, cols: number, w: number, bias: number, out: number): void;
  denseAccumulate(x: number, rows: number, cols: number, residuals: number, g: number): void;
  expNegativeAbs(z: number, count: number, out: number): void;
  /** Returns the parts of the loss and residual sums; `sumLogisticLoss` puts them together. */
  logisticLoss(
    logits: number,
    exponentials: number,
    targets: number,
    rows: number,
    residuals: number,
  ): [number, number, number, number, number];
}

/** A typed array placed in kernel memory. */
export interface Region {
  /** Byte offset, a multiple of 16. */
  offset: number;
  length: number;
}

const PAGE_BYTES = 65536;

/** Bytes at the start of kernel memory that hold the exponential's table. */
const EXP_TABLE_BYTES = 512;

/** A wasm32 memory addresses at most 4 GiB. */
const MAX_MEMORY_BYTES = 2 ** 32;

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Places arrays in kernel memory before the memory is sized, so that it grows once and views
 * made afterwards stay valid.
 */
export class MemoryPlan {
  private end = EXP_TABLE_BYTES;

  /** Bytes the plan needs, with 16 to spare for a two-lane read of an odd last row. */
  get byteLength(): number {
    return this.end + 16;
  }

  float64(length: number): Region {
    return this.place(length, 8);
  }

  uint32(length: number): Region {
    return this.place(length, 4);
  }

  private place(length: number, elementBytes: number): Region {
    const offset = Math.ceil(this.end / 16) * 16;
    this.end = offset + length * elementBytes;
    return { offset, length };
  }
}

/** An instance of the kernels with its memory sized for one plan, owned by one engine. */
export class TrainingKernels {
  constructor(readonly exports: TrainingKernelExports) {}

  float64(region: Region): Float64Array {
    return new Float64Array(this.exports.memory.buffer, region.offset, region.length);
  }

  uint32(region: Region): Uint32Array {
    return new Uint32Array(this.exports.memory.buffer, region.offset, region.length);
  }

  /**
   * Hands the instance back for the next engine in this thread. The owner must not use it or
   * views of its memory afterwards.
   */
  release(): void {
    if (this.exports.memory.buffer.byteLength <= MAX_POOLED_BYTES) pooledExports = this.exports;
  }
}

/** ln 2 split so that a count of factors of 2 below 2^21 times the first part is exact. */
const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;

/**
 * Writes the residuals sigmoid(z) - y of `rows` rows and returns the sums of their log-losses
 * and of their residuals. The arguments are byte addresses of float64 arrays in kernel memory.
 */
export function sumLogisticLoss(
  kernels: TrainingKernelExports,
  logits: number,
  targets: number,
  rows: number,
  residuals: number,
): { lossSum: number; residualSum: number } {
  kernels.expNegativeAbs(logits, rows, residuals);
  const [terms, residualSum, mantissa0, mantissa1, twos] = kernels.logisticLoss(
    logits,
    residuals,
    targets,
    rows,
    residuals,
  );
  const logProduct = Math.log(mantissa0) + Math.log(mantissa1) + twos * LN2_HI + twos * LN2_LO;
  return { lossSum: terms + logProduct, residualSum };
}

/** The float64 arrays of an engine's layout that hold one value a row. */
export interface RowRegions {
  targets: Region;
  logits: Region;
  residuals: Region;
}

/** Runs `sumLogisticLoss` on rows start to start + rows - 1 of the engine's row arrays. */
export function sumRowsLogisticLoss(
  kernels: TrainingKernelExports,
  regions: RowRegions,
  start: number,
  rows: number,
): { lossSum: number; residualSum: number } {
  return sumLogisticLoss(
    kernels,
    regions.logits.offset + 8 * start,
    regions.targets.offset + 8 * start,
    rows,
    regions.residuals.offset + 8 * start,
  );
}

let compiledModule: object | null | undefined;

/**
 * An instance released by an engine that finished, kept for the next engine in this thread.
 * Its memory pages are already mapped, which saves the page faults of a fresh memory: about
 * 0.5 ms per MB on the virtual machine the benchmark ran on. A memory cannot shrink, so only
 * instances up to MAX_POOLED_BYTES are kept.
 */
let pooledExports: TrainingKernelExports | null = null;

/**
 * Largest memory kept between engines; larger ones are left to the garbage collector.
 * NOTE: a kept memory stays allocated while its thread lives, up to this size per thread.
 */
const MAX_POOLED_BYTES = 256 * 2 ** 20;

/**
 * Returns an instance whose memory fits `plan`, or null where the kernels cannot run: without
 * WebAssembly or its fixed-width SIMD, or for a plan beyond 4 GiB or beyond the memory the
 * JavaScript engine grants. Callers then use the plain JavaScript kernels.
 */
export function instantiateTrainingKernels(plan: MemoryPlan): TrainingKernels | null {
  const module = compileTrainingKernels();
  if (!module || plan.byteLength > MAX_MEMORY_BYTES) return null;

  const exports = pooledExports ?? createExports(module);
  pooledExports = null;
  const pagesNeeded = Math.ceil(plan.byteLength / PAGE_BYTES);
  const pagesHeld = exports.memory.buffer.byteLength / PAGE_BYTES;
  try {
    if (pagesNeeded > pagesHeld) exports.memory.grow(pagesNeeded - pagesHeld);
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
  return new TrainingKernels(exports);
}

function createExports(module: object): TrainingKernelExports {
  const instance = new (webAssembly() as WebAssemblyApi).Instance(module, {});
  return instance.exports as unknown as TrainingKernelExports;
}

function compileTrainingKernels(): object | null {
  if (compiledModule !== undefined) return compiledModule;
  compiledModule = null;
  const api = webAssembly();
  if (!api) return null;

  const bytes = decodeBase64(TRAINING_KERNELS_BASE64);
  // validate returns false where the engine lacks an instruction the kernels use, such as SIMD.
  if (!api.validate(bytes)) return null;
  compiledModule = new api.Module(bytes);
  return compiledModule;
}

function webAssembly(): WebAssemblyApi | undefined {
  return (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
}

/** Decodes standard base64 with padding. It is written out because src/shared has no Buffer or atob. */
function decodeBase64(text: string): Uint8Array {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let byte = 0;
  for (let i = 0; i < text.length; i += 4) {
    let group = 0;
    for (let k = 0; k < 4; k++)
      group = group * 64 + Math.max(0, BASE64_ALPHABET.indexOf(text[i + k]));
    for (let k = 2; k >= 0 && byte + 2 - k < bytes.length; k--) {
      bytes[byte + 2 - k] = (group >> (8 * k)) & 255;
    }
    byte += 3;
  }
  return bytes;
}
