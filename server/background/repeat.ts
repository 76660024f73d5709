/**
 * Runs `task` every `intervalMs` in this process, never two at once: a turn that comes while the last run is still
 * under way is skipped. A failure is logged as `failure` and the next turn runs as usual. The timer does not keep
 * the process alive.
 * @returns a function that stops it.
 */
export function repeatWithoutOverlap(
  task: () => Promise<unknown>,
  intervalMs: number,
  failure: string,
  log: Pick<Console, "error"> = console,
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    task()
      .catch((error: unknown) => log.error(failure, error))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
