/**
 * Presence goes out at most once per `intervalMs` for each client id: a change is sent at once when that client's
 * last one went out longer ago, else at the end of the interval together with whatever changed meanwhile (the
 * latest state wins). A caret that moves with every keystroke then costs one presence message per interval
 * instead of one per keystroke, while a cursor moved now and then, or a client leaving, goes out at once.
 *
 * A state set again unchanged (a caret that stays put while its owner types, or a client's renewal of its
 * presence) goes out only when that client's presence last went out `renewMs` ago or longer: often enough that
 * no receiver times it out (y-protocols drops a state not renewed for 30 s, and clients renew theirs every 15 s).
 */
/** y-protocols' awareness times a state out after 30 s; a third of that leaves room for a renewal's way. */
const RENEW_MS = 10_000;

export class PresenceThrottle {
  private readonly sentAt = new Map<number, number>();
  /** Client ids whose change waits, each with whether it goes to the other processes too. */
  private readonly pending = new Map<number, boolean>();
  private timer: NodeJS.Timeout | null = null;

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
      if (!this.pending.has(clientId) && (last === undefined || now - last >= this.intervalMs)) {
        due.push(clientId);
        this.sentAt.set(clientId, now);
      } else {
        this.pending.set(clientId, publish || (this.pending.get(clientId) ?? false));
      }
    }
    for (const clientId of left) {
      this.pending.delete(clientId);
      this.sentAt.delete(clientId);
      due.push(clientId);
    }
    if (due.length > 0) this.send(due, publish ? due : []);
    this.schedule();
  }

  /**
   * These clients set their presence again, changed or not (a renewal); those whose presence did not go out in
   * the last `renewMs` and has no change waiting go out now. Changes are told by `changed`.
   */
  renewed(clientIds: readonly number[], publish: boolean): void {
    const now = Date.now();
    const due = clientIds.filter((clientId) => {
      const last = this.sentAt.get(clientId);
      if (this.pending.has(clientId) || last === undefined || now - last < this.renewMs) return false;
      this.sentAt.set(clientId, now);
      return true;
    });
    if (due.length > 0) this.send(due, publish ? due : []);
  }

  private schedule(): void {
    if (this.timer || this.pending.size === 0) return;
    let next = Infinity;
    for (const clientId of this.pending.keys())
      next = Math.min(next, (this.sentAt.get(clientId) ?? 0) + this.intervalMs);
    this.timer = setTimeout(() => this.sendDue(), Math.max(0, next - Date.now()));
    this.timer.unref();
  }

  private sendDue(): void {
    this.timer = null;
    const now = Date.now();
    const due: number[] = [];
    const published: number[] = [];
    for (const [clientId, publish] of this.pending) {
      if (now - (this.sentAt.get(clientId) ?? 0) < this.intervalMs) continue;
      this.pending.delete(clientId);
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
    this.pending.clear();
  }
}
