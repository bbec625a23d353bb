import pino, { type Logger } from 'pino';

export type { Logger };

/** The process-wide structured logger (JSON lines on stderr, as pino writes them). */
export function createLogger(level: string, name = 'spawnai'): Logger {
  return pino({ name, level }, pino.destination(2));
}
