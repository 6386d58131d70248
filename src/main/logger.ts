/**
 * The main process's levelled logger. Every line carries the time, the level and the component
 * that wrote it. This is the only module in src/main that writes to the console.
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const LEVEL_RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export interface Logger {
  debug(message: string, error?: unknown): void;
  info(message: string, error?: unknown): void;
  warn(message: string, error?: unknown): void;
  error(message: string, error?: unknown): void;
  /** A logger for a part of this component, whose prefix is `component/part`. */
  child(part: string): Logger;
}

export interface LoggerOptions {
  component: string;
  /** Lines below this level are dropped; 'info' when absent. */
  level?: LogLevel;
  /** Receives each formatted line; the console when absent. */
  write?: (level: LogLevel, line: string) => void;
}

function writeToConsole(level: LogLevel, line: string): void {
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.log(line);
}

/** Formats an error for one log line: its message, and the stack for anything but input errors. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'InputError' || !error.stack) return `${error.name}: ${error.message}`;
  return error.stack;
}

export function createLogger(options: LoggerOptions): Logger {
  const minimum = LEVEL_RANK[options.level ?? 'info'];
  const write = options.write ?? writeToConsole;

  const log = (level: LogLevel) => (message: string, error?: unknown) => {
    if (LEVEL_RANK[level] < minimum) return;
    const suffix = error === undefined ? '' : ` (${describeError(error)})`;
    const time = new Date().toISOString();
    write(level, `${time} ${level.toUpperCase()} [${options.component}] ${message}${suffix}`);
  };

  return {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    child: (part) => createLogger({ ...options, component: `${options.component}/${part}` }),
  };
}
