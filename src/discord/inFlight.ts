/**
 * The interactions being handled right now, so that a shutdown lets them finish (up to
 * a deadline) before the client and the database close.
 */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();
  /** Set by a shutdown: new interactions are told to try again. */
  draining = false;

  get size(): number {
    return this.running.size;
  }

  track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    const done = () => this.running.delete(work);
    work.then(done, done);
    return work;
  }

  /** Resolves true once everything in flight has finished, false when `timeoutMs` passed first. */
  async drain(timeoutMs: number): Promise<boolean> {
    this.draining = true;
    const deadline = Date.now() + timeoutMs;
    while (this.running.size > 0) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...this.running]),
        new Promise((resolve) => (timer = setTimeout(resolve, left))),
      ]);
      clearTimeout(timer);
    }
    return true;
  }
}
