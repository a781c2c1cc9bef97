import { watch, statSync, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';

export interface CorpusWatcher {
  close(): void;
}

export interface WatchOptions {
  /** Quiet time after the last event before `onChange` (an editor's save is several events). Default 300 ms. */
  debounceMs?: number;
  onError?: (error: Error) => void;
}

/**
 * Calls `onChange` once the corpus at `path` (a folder of articles, or a passages file)
 * has changed and then stayed quiet for `debounceMs`: a file added, edited, renamed or
 * removed. Node's own fs.watch (inotify on Linux); a file is watched through its folder,
 * since editors replace a file rather than write it in place. The watcher does not keep
 * the process alive.
 */
export function watchCorpus(path: string, onChange: () => void, options: WatchOptions = {}): CorpusWatcher {
  const debounceMs = options.debounceMs ?? 300;
  const target = resolve(path);
  let isFolder = true;
  try {
    isFolder = statSync(target).isDirectory();
  } catch {
    // Gone already: watch it as a file in its folder.
    isFolder = false;
  }
  const folder = isFolder ? target : dirname(target);
  const only = isFolder ? undefined : basename(target);
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const watcher: FSWatcher = watch(folder, { persistent: false }, (_event, file) => {
    if (closed || (only !== undefined && file !== null && file !== only)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!closed) onChange();
    }, debounceMs);
    timer.unref();
  });
  watcher.on('error', (error) => options.onError?.(error));
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      watcher.close();
    },
  };
}
