/**
 * A small leveled logger that never prints a secret: every configured secret (the
 * bot token) is replaced before a line is written, whatever code produced it.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  debug(message: string, extra?: unknown): void;
  info(message: string, extra?: unknown): void;
  warn(message: string, extra?: unknown): void;
  error(message: string, extra?: unknown): void;
}

export interface LoggerOptions {
  level?: LogLevel;
  secrets?: (string | undefined)[];
  /** Where lines go (default stderr, so stdout stays clean for replies and JSON). */
  write?: (line: string) => void;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const threshold = ORDER[options.level ?? 'info'];
  const secrets = (options.secrets ?? []).filter((s): s is string => !!s && s.length >= 6);
  const write = options.write ?? ((line: string) => process.stderr.write(line + '\n'));
  const redact = (text: string) => secrets.reduce((out, secret) => out.split(secret).join('[redacted]'), text);
  const log = (level: LogLevel) => (message: string, extra?: unknown) => {
    if (ORDER[level] < threshold) return;
    const detail = extra === undefined ? '' : ' ' + describe(extra);
    write(redact(`${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} ${message}${detail}`));
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

function describe(extra: unknown): string {
  if (extra instanceof Error) return extra.stack ?? `${extra.name}: ${extra.message}`;
  if (typeof extra === 'string') return extra;
  try {
    return JSON.stringify(extra);
  } catch {
    return String(extra);
  }
}

export const silentLogger: Logger = createLogger({ level: 'silent' });
