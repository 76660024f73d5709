/** Runs tasks with at most `limit` of them unfinished at once, the others in the order they came. */
export class Limiter {
  private running = 0;
  private readonly queue: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.queue.push(resolve));
    else this.running++;
    try {
      return await task();
    } finally {
      // A waiting task takes this one's place; only when none waits is the place freed.
      const next = this.queue.shift();
      if (next) next();
      else this.running--;
    }
  }
}
