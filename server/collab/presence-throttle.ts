/** y-protocols' awareness times a state out after 30 s; a third of that leaves room for a renewal's way. */
const RENEW_MS = 10_000;

/**
 * Presence goes out at most once per `intervalMs` for each client id: a change is sent at once when that client's
 * last one went out longer ago, else at the end of the interval together with whatever changed meanwhile (the
 * latest state wins). A caret that moves with every keystroke then costs one presence message per interval
 * instead of one per keystroke, while a cursor moved now and then, or a client leaving, goes out at once.
 *
 * A state set again unchanged (a caret that stays put while its owner types, or a client's renewal of its
 * presence) goes out `renewMs` after that client's presence last went out: a renewal that comes sooner waits
 * for then rather than being dropped (it resets its sender's own renewal timer), so that no receiver times the
 * state out (y-protocols drops a state not renewed for 30 s, and clients renew theirs every 15 s).
 */
export class PresenceThrottle {
  private readonly sentAt = new Map<number, number>();
  /**
   * Client ids whose presence waits: whether it goes to the other processes too, and how long after the last
   * send it may go (the interval for a change, the renewal time for a renewal). Null while none waits, as in
   * most rooms most of the time (an empty Map takes 0.2 KB).
   */
  private pending: Map<number, { publish: boolean; wait: number }> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private timerAt = Infinity;

  /**
   * @param send called with the client ids whose current presence is to be sent to the room's sockets, and
   * those of them whose change also goes to the other processes.
   */
  constructor(
    private readonly intervalMs: number,
    private readonly send: (clientIds: number[], published: number[]) => void,
    private readonly renewMs = RENEW_MS,
  ) {}

  /** Presence of these clients changed (`left`: they left); `publish`: the change is this process's own. */
  changed(clientIds: readonly number[], left: readonly number[], publish: boolean): void {
    const now = Date.now();
    const due: number[] = [];
    for (const clientId of clientIds) {
      const last = this.sentAt.get(clientId);
      const waiting = this.pending?.get(clientId);
      // A renewal that waits does not hold a change back.
      if (waiting?.wait !== this.intervalMs && (last === undefined || now - last >= this.intervalMs)) {
        due.push(clientId);
        this.sentAt.set(clientId, now);
        this.pending?.delete(clientId);
      } else {
        this.pending ??= new Map();
        this.pending.set(clientId, { publish: publish || (waiting?.publish ?? false), wait: this.intervalMs });
      }
    }
    for (const clientId of left) {
      this.pending?.delete(clientId);
      this.sentAt.delete(clientId);
      due.push(clientId);
    }
    if (due.length > 0) this.send(due, publish ? due : []);
    this.schedule();
  }

  /**
   * These clients set their presence again, changed or not (a renewal). Each goes out `renewMs` after its last
   * send: now when that is past, else then, unless something waits for it already. Changes are told by `changed`.
   */
  renewed(clientIds: readonly number[], publish: boolean): void {
    const now = Date.now();
    const due: number[] = [];
    for (const clientId of clientIds) {
      const last = this.sentAt.get(clientId);
      if (last === undefined || this.pending?.has(clientId)) continue;
      if (now - last >= this.renewMs) {
        due.push(clientId);
        this.sentAt.set(clientId, now);
      } else (this.pending ??= new Map()).set(clientId, { publish, wait: this.renewMs });
    }
    if (due.length > 0) this.send(due, publish ? due : []);
    this.schedule();
  }

  private schedule(): void {
    if (this.pending?.size === 0) this.pending = null;
    let next = Infinity;
    for (const [clientId, { wait }] of this.pending ?? [])
      next = Math.min(next, (this.sentAt.get(clientId) ?? 0) + wait);
    if (next >= this.timerAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = next;
    this.timer = setTimeout(() => this.sendDue(), Math.max(0, next - Date.now()));
    this.timer.unref();
  }

  private sendDue(): void {
    this.timer = null;
    this.timerAt = Infinity;
    const now = Date.now();
    const due: number[] = [];
    const published: number[] = [];
    for (const [clientId, { publish, wait }] of this.pending ?? []) {
      if (now - (this.sentAt.get(clientId) ?? 0) < wait) continue;
      this.pending!.delete(clientId);
      this.sentAt.set(clientId, now);
      due.push(clientId);
      if (publish) published.push(clientId);
    }
    if (due.length > 0) this.send(due, published);
    this.schedule();
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.timerAt = Infinity;
    this.pending = null;
  }
}
