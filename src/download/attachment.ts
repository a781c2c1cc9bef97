import { open, stat } from 'node:fs/promises';

/**
 * An uploaded file as the transport names it: on Discord, the attachment of the
 * interaction's `resolved.attachments` that the option points at (never a URL a user
 * typed); in the offline console, a local path.
 */
export type AttachmentRef =
  | { origin: 'discord'; id: string; url: string; fileName: string; size: number; contentType?: string }
  | { origin: 'local'; path: string; fileName: string };

export interface DownloadOptions {
  /** More bytes than this are never read (the limit is refused, not cut). */
  maxBytes: number;
  timeoutMs: number;
  /** Origins (`https://cdn.discordapp.com`) a Discord attachment may be fetched from. */
  allowedOrigins: readonly string[];
}

export type DownloadFailure = 'host' | 'too-large' | 'timeout' | 'http' | 'network' | 'not-a-file';

/**
 * Why a file could not be fetched; `detail` is for the log (no query strings: Discord signs
 * them). `size`: the file's whole size when it is known (declared, Content-Length, stat).
 */
export class DownloadError extends Error {
  constructor(readonly reason: DownloadFailure, readonly detail: string, readonly size?: number) {
    super(`download failed (${reason}): ${detail}`);
    this.name = 'DownloadError';
  }
}

/** Where a URL points, for logs: origin and path, without the signed query string. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '(not a URL)';
  }
}

/** Refused before anything is fetched: a host that is not Discord's, or a declared size over the limit. */
export function checkBeforeDownload(ref: AttachmentRef, options: DownloadOptions): DownloadError | undefined {
  if (ref.origin !== 'discord') return undefined;
  let origin: string;
  try {
    origin = new URL(ref.url).origin;
  } catch {
    return new DownloadError('host', 'the attachment URL is not a URL');
  }
  if (!options.allowedOrigins.includes(origin)) return new DownloadError('host', `${origin} is not an attachment host of Discord`);
  if (!Number.isFinite(ref.size) || ref.size > options.maxBytes) return new DownloadError('too-large', `declared size ${ref.size} bytes`, ref.size);
  return undefined;
}

/**
 * The file's bytes, at most `maxBytes` of them: a Discord attachment over HTTP from an
 * allowed origin only (redirects are not followed, so they cannot lead elsewhere; the
 * bot's token is never sent), refused when its declared size, its Content-Length or the
 * bytes actually received go over the limit, abandoned after `timeoutMs`; a local file
 * (the console) read the same way.
 */
export async function fetchAttachment(ref: AttachmentRef, options: DownloadOptions): Promise<Uint8Array> {
  const refused = checkBeforeDownload(ref, options);
  if (refused) throw refused;
  return ref.origin === 'discord' ? download(ref.url, options) : readLocal(ref.path, options.maxBytes);
}

async function download(url: string, options: DownloadOptions): Promise<Uint8Array> {
  const where = describeUrl(url);
  const signal = AbortSignal.timeout(options.timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'error', signal, headers: { accept: 'text/markdown, text/plain;q=0.9, */*;q=0.1' } });
  } catch (error) {
    throw failure(error, signal, where);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new DownloadError('http', `${where} answered ${response.status}`);
  }
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > options.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new DownloadError('too-large', `${where}: Content-Length ${declared}`, declared);
  }
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    const reader = response.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > options.maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new DownloadError('too-large', `${where}: more than ${options.maxBytes} bytes received`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof DownloadError) throw error;
    throw failure(error, signal, where);
  }
  return concat(chunks, received);
}

function failure(error: unknown, signal: AbortSignal, where: string): DownloadError {
  if (signal.aborted) return new DownloadError('timeout', `${where}: no complete answer in time`);
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return new DownloadError('network', `${where}: ${cause?.code ?? cause?.message ?? (error as Error)?.message ?? String(error)}`);
}

async function readLocal(path: string, maxBytes: number): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new DownloadError('not-a-file', `${path}: ${(error as NodeJS.ErrnoException).code ?? 'cannot be read'}`);
  }
  if (!info.isFile()) throw new DownloadError('not-a-file', `${path} is not a file`);
  if (info.size > maxBytes) throw new DownloadError('too-large', `${path}: ${info.size} bytes`, info.size);
  const handle = await open(path, 'r');
  try {
    // One byte more than allowed tells a file that grew since stat from one that fits.
    const buffer = new Uint8Array(maxBytes + 1);
    let read = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, read, buffer.length - read, null);
      if (bytesRead === 0) break;
      read += bytesRead;
      if (read > maxBytes) throw new DownloadError('too-large', `${path}: more than ${maxBytes} bytes`);
    }
    return buffer.subarray(0, read);
  } finally {
    await handle.close();
  }
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
