/**
 * The attachment download against the fake Discord's attachment URLs (a loopback server:
 * no test reaches the internet), and local files as the console reads them.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBeforeDownload, describeUrl, DownloadError, fetchAttachment, type AttachmentRef, type DownloadOptions } from '../../src/download/attachment.js';
import { startFakeDiscord, type FakeDiscord, type HostedFile } from '../support/fakeDiscord.js';

let fake: FakeDiscord;
let options: DownloadOptions;
let redirector: Server;
let redirectUrl: string;
const work = mkdtempSync(join(tmpdir(), 'download-test-'));

beforeAll(async () => {
  fake = await startFakeDiscord();
  options = { maxBytes: 4096, timeoutMs: 500, allowedOrigins: ['https://cdn.discordapp.com', new URL(fake.apiUrl).origin] };
  // An allowed origin whose answer is a redirect elsewhere (never followed).
  redirector = createServer((_req, res) => {
    res.writeHead(302, { location: `${new URL(fake.apiUrl).origin}/attachments/0/0/x.md` });
    res.end();
  });
  await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve));
  redirectUrl = `http://127.0.0.1:${(redirector.address() as AddressInfo).port}/attachments/1/2/a.md`;
});

afterAll(async () => {
  await fake.close();
  await new Promise((resolve) => redirector.close(resolve));
  rmSync(work, { recursive: true, force: true });
});

function hosted(file: HostedFile): AttachmentRef & { origin: 'discord' } {
  const a = fake.hostAttachment(file);
  return { origin: 'discord', id: a.id, url: a.url, fileName: a.filename, size: a.size, contentType: a.content_type };
}

async function failure(ref: AttachmentRef, o: DownloadOptions = options): Promise<DownloadError> {
  try {
    await fetchAttachment(ref, o);
  } catch (error) {
    if (error instanceof DownloadError) return error;
    throw error;
  }
  throw new Error('downloaded');
}

const downloadsOf = (ref: { id: string }) => fake.requests.filter((r) => r.path.includes(`/${ref.id}/`)).length;

describe('fetchAttachment from Discord', () => {
  it('returns the bytes of an attachment on an allowed origin, without sending any credentials', async () => {
    const ref = hosted({ filename: 'a.md', data: 'Isi artikel. 🌋' });
    expect(new TextDecoder().decode(await fetchAttachment(ref, options))).toBe('Isi artikel. 🌋');
    const request = fake.requests.find((r) => r.path.includes(`/${ref.id}/`))!;
    expect(request.method).toBe('GET');
    expect(request.headers.authorization).toBeUndefined();
    expect(request.headers.cookie).toBeUndefined();
  });

  it('refuses another origin before fetching anything (scheme, host and port count)', async () => {
    const ref = hosted({ filename: 'a.md', data: 'x' });
    for (const url of [ref.url.replace('127.0.0.1', 'localhost'), ref.url.replace('http:', 'https:'), 'https://evil.example/a.md', 'file:///etc/passwd', 'not a url']) {
      const error = await failure({ ...ref, url });
      expect(error.reason).toBe('host');
    }
    expect(downloadsOf(ref)).toBe(0);
    expect(checkBeforeDownload({ ...ref, url: 'https://cdn.discordapp.com/attachments/1/2/a.md' }, options)).toBeUndefined();
  });

  it('refuses a declared size over the limit before fetching', async () => {
    const ref = hosted({ filename: 'besar.md', data: 'x'.repeat(5000) });
    expect(await failure(ref)).toMatchObject({ reason: 'too-large', size: 5000 });
    expect(downloadsOf(ref)).toBe(0);
  });

  it('refuses a Content-Length over the limit when the declared size lied', async () => {
    const ref = hosted({ filename: 'bohong.md', data: 'x'.repeat(5000), declaredSize: 10 });
    expect(await failure(ref)).toMatchObject({ reason: 'too-large', size: 5000 });
  });

  it('caps the bytes actually read when there is no Content-Length', async () => {
    const ref = hosted({ filename: 'aliran.md', data: 'x'.repeat(100_000), declaredSize: 10, chunked: true });
    const error = await failure(ref);
    expect(error.reason).toBe('too-large');
    expect(error.size).toBeUndefined(); // the whole size is unknown: only that it is over the limit
    const fits = hosted({ filename: 'pas.md', data: 'y'.repeat(4096), chunked: true });
    expect((await fetchAttachment(fits, options)).length).toBe(4096);
  });

  it('gives up after the timeout, also when the headers came and the body did not', async () => {
    // Without the timeout this would download after 2 s (failure() throws "downloaded" then).
    const ref = hosted({ filename: 'lambat.md', data: 'x', delayMs: 2000 });
    expect((await failure(ref)).reason).toBe('timeout');
  });

  it('an error status or a redirect is a failure, never followed', async () => {
    expect(await failure(hosted({ filename: 'hilang.md', data: 'x', status: 404 }))).toMatchObject({ reason: 'http' });
    const viaRedirect = { origin: 'discord' as const, id: '1', url: redirectUrl, fileName: 'a.md', size: 10 };
    const before = fake.requests.length;
    const error = await failure(viaRedirect, { ...options, allowedOrigins: [...options.allowedOrigins, new URL(redirectUrl).origin] });
    expect(error.reason).toBe('network');
    expect(fake.requests.length).toBe(before);
  });

  it('describeUrl keeps origin and path, never the signed query string', () => {
    expect(describeUrl('https://cdn.discordapp.com/attachments/1/2/a.md?ex=1&is=2&hm=secret')).toBe('https://cdn.discordapp.com/attachments/1/2/a.md');
    expect(describeUrl('::')).toBe('(not a URL)');
  });
});

describe('fetchAttachment of a local file (the console)', () => {
  it('reads a file within the limit; refuses one over it, a folder, a missing path', async () => {
    writeFileSync(join(work, 'ok.txt'), 'Judul\n\nIsi.');
    writeFileSync(join(work, 'big.txt'), 'x'.repeat(5000));
    mkdirSync(join(work, 'folder.md'));
    const local = (name: string): AttachmentRef => ({ origin: 'local', path: join(work, name), fileName: name });
    expect(new TextDecoder().decode(await fetchAttachment(local('ok.txt'), options))).toBe('Judul\n\nIsi.');
    expect(await failure(local('big.txt'))).toMatchObject({ reason: 'too-large', size: 5000 });
    expect(await failure(local('folder.md'))).toMatchObject({ reason: 'not-a-file' });
    expect(await failure(local('missing.md'))).toMatchObject({ reason: 'not-a-file' });
  });
});
