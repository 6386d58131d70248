import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/shared/errors';
import { createLogger, type LogLevel } from '../../src/main/logger';

function recordLines(level: LogLevel) {
  const lines: string[] = [];
  const logger = createLogger({
    component: 'main',
    level,
    write: (_level, line) => lines.push(line),
  });
  return { logger, lines };
}

describe('createLogger', () => {
  it('drops lines below its level', () => {
    const { logger, lines } = recordLines('warn');
    logger.debug('a');
    logger.info('b');
    logger.warn('c');
    logger.error('d');
    expect(lines.map((line) => line.split(' ').slice(1).join(' '))).toEqual([
      'WARN [main] c',
      'ERROR [main] d',
    ]);
  });

  it('prefixes a child with its part', () => {
    const { logger, lines } = recordLines('info');
    logger.child('training').info('run started');
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z INFO \[main\/training\] run started$/);
  });

  it('adds an input error without its stack', () => {
    const { logger, lines } = recordLines('info');
    logger.warn('rejected', new InputError('invalid-payload', 'runId must be a run id'));
    expect(lines[0]).toMatch(/rejected \(InputError: runId must be a run id\)$/);
  });

  it('adds the stack of a bug', () => {
    const { logger, lines } = recordLines('info');
    logger.error('failed', new TypeError('x is undefined'));
    expect(lines[0]).toContain('TypeError: x is undefined\n    at ');
  });
});
