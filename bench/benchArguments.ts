import { resolve } from 'node:path';

export interface BenchArguments {
  help: boolean;
  json: boolean;
  skipLarge: boolean;
  skipNumpy: boolean;
  /** Timed runs per case; null for each case's default. */
  repeats: number | null;
  largeRows: number;
  dataDir: string;
}

export const BENCH_USAGE = `Usage: npm run bench -- [options]

Times the training loop (trainMs: engine setup and epochs) on the classic splice task, on dense
continuous data and on a large generated splice-like set, next to the same algorithm in NumPy
when python3 has it.

  --repeats N        timed runs per case after the warm-up (default 15 classic, 5 dense)
  --skip-large       leave out the large case
  --large-rows N     rows of the large case (default 500000, about 1.9 GB of float64)
  --skip-numpy       leave out the NumPy comparison
  --data-dir DIR     folder for generated data (default .bench-data)
  --json             print one JSON object instead of the report
  -h, --help         show this help
`;

const DEFAULTS: BenchArguments = {
  help: false,
  json: false,
  skipLarge: false,
  skipNumpy: false,
  repeats: null,
  largeRows: 500_000,
  dataDir: resolve('.bench-data'),
};

/** Parses the command line; throws an Error that names the argument for anything unknown. */
export function parseBenchArguments(argv: string[]): BenchArguments {
  const args = { ...DEFAULTS };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      if (i + 1 >= argv.length) throw new Error(`${flag} needs a value`);
      return argv[++i];
    };
    if (flag === '--help' || flag === '-h') args.help = true;
    else if (flag === '--json') args.json = true;
    else if (flag === '--skip-large') args.skipLarge = true;
    else if (flag === '--skip-numpy') args.skipNumpy = true;
    else if (flag === '--repeats') args.repeats = positiveInteger(flag, value());
    else if (flag === '--large-rows') args.largeRows = positiveInteger(flag, value());
    else if (flag === '--data-dir') args.dataDir = resolve(value());
    else throw new Error(`unknown argument '${flag}'; see npm run bench -- --help`);
  }
  return args;
}

function positiveInteger(flag: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${flag} must be a positive integer, got '${text}'`);
  }
  return value;
}
