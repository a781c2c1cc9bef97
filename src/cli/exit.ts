/**
 * Ends the process once everything written to stdout and stderr has been handed to the
 * OS. `process.exit` right after writing to a pipe drops what is still queued (pipes are
 * asynchronous on POSIX), so a reader that is slow to start would lose lines.
 */
export async function flushAndExit(code: number): Promise<never> {
  await Promise.all([drained(process.stdout), drained(process.stderr)]);
  process.exit(code);
}

/** Resolves when `stream` has written everything queued before this call. */
function drained(stream: NodeJS.WriteStream): Promise<void> {
  if (stream.destroyed || !stream.writable) return Promise.resolve();
  return new Promise((resolve) => stream.write('', () => resolve()));
}

/**
 * Writes a chunk and waits while the stream's buffer is full (back-pressure), so a
 * producer faster than its reader never queues unbounded output in memory.
 */
export async function writeLine(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (!stream.write(text)) await new Promise((resolve) => stream.once('drain', resolve));
}

/**
 * A reader that stops early (`| head`) closes the pipe: stop writing and end quietly
 * instead of crashing on EPIPE; every other stream error still surfaces.
 */
export function endQuietlyWhenStdoutCloses(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}
