import { createRequire } from 'node:module';
import { pino, stdSerializers, type DestinationStream, type Logger as PinoLogger } from 'pino';

/**
 * Structured logs through pino: JSON lines (one object per event, for log shippers) or,
 * at a terminal, pino-pretty's readable lines. Whatever code produced a line, it is
 * redacted before it is written: the bot token, interaction tokens (they sit in webhook
 * and callback URLs, e.g. in a REST error) and `token`/`authorization` fields.
 */
export type Logger = PinoLogger;
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type LogFormat = 'json' | 'pretty';
export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

export interface LoggerOptions {
  level?: LogLevel;
  /** Values never to print (the bot token); shorter than 6 characters they are ignored. */
  secrets?: (string | undefined)[];
  /** Default: pretty when stderr is a terminal, JSON lines otherwise. */
  format?: LogFormat;
  /** Where lines go (default stderr, so stdout stays clean for replies and JSON). Tests pass one. */
  write?: (line: string) => void;
}

const REDACTED = '[redacted]';
/** Interaction tokens travel in these URL paths: /webhooks/<app>/<token>, /interactions/<id>/<token>. */
const TOKEN_IN_PATH = /(\/(?:webhooks|interactions)\/\d+\/)[^/\s"'?#\\]+/g;
/** A bot token in an Authorization header value. */
const BOT_HEADER = /(Bot\s+)[A-Za-z0-9._-]{20,}/g;

function redactor(secrets: (string | undefined)[] = []): (text: string) => string {
  const values = secrets.filter((s): s is string => !!s && s.length >= 6);
  return (text) => {
    let out = text;
    for (const secret of values) out = out.split(secret).join(REDACTED);
    return out.replace(TOKEN_IN_PATH, `$1${REDACTED}`).replace(BOT_HEADER, `$1${REDACTED}`);
  };
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const redact = redactor(options.secrets);
  const format = options.format ?? (process.stderr.isTTY ? 'pretty' : 'json');
  return pino(
    {
      level: options.level ?? 'info',
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: { err: stdSerializers.err, error: stdSerializers.err },
      redact: { paths: ['token', '*.token', 'headers.authorization', '*.headers.authorization'], censor: REDACTED },
      hooks: { streamWrite: redact },
    },
    destination(options.write, format),
  );
}

function destination(write: LoggerOptions['write'], format: LogFormat): DestinationStream {
  const sink: DestinationStream = write ? { write: (line: string) => write(line.replace(/\n$/, '')) } : pino.destination({ dest: 2, sync: true });
  if (format === 'json') return sink;
  // Loaded only for a terminal: JSON lines need no formatter. Formatting in-process and
  // synchronously keeps the order of lines and loses none at exit.
  const { prettyFactory } = createRequire(import.meta.url)('pino-pretty') as { prettyFactory: (options: object) => (line: string) => string };
  const prettify = prettyFactory({ colorize: !write && Boolean(process.stderr.isTTY), translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' });
  return { write: (line: string) => sink.write(prettify(line)) };
}

export const silentLogger: Logger = pino({ level: 'silent' });
