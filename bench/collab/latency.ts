// Keystroke → remote observe, for clients in one thread, so that one clock (performance.now) times both ends: the
// sender notes when it made each keystroke, keyed by its Yjs client id and the clock the keystroke ends at; a
// receiver looks it up when it reaches its document (the transaction that applies it, after Yjs's observers ran).
// (The cursor scenario's editors span threads: client-worker.ts times them on a clock the threads share.)
import { performance } from "node:perf_hooks";
import * as Y from "yjs";

/** Keeps samples only for changes made inside [from, until). */
class Window {
  from = Number.POSITIVE_INFINITY;
  until = Number.POSITIVE_INFINITY;

  open(): void {
    this.from = performance.now();
    this.until = Number.POSITIVE_INFINITY;
  }

  close(): void {
    this.until = performance.now();
  }

  has(sentAt: number): boolean {
    return sentAt >= this.from && sentAt < this.until;
  }
}

export class KeystrokeLatency {
  /** Milliseconds from a keystroke to its arrival in another client's document, one per receiving client. */
  readonly samples: number[] = [];
  /** When each sample's keystroke was made, in ms since the window opened (for a timeline). */
  readonly sentAt: number[] = [];
  readonly window = new Window();
  /** Client id → the clock a keystroke ends at → when it was made. */
  private readonly sent = new Map<number, Map<number, number>>();
  private waiter: (() => void) | null = null;

  /** Makes a keystroke in `doc` (a change in one transaction, which its client sends at once) and notes when. */
  type(doc: Y.Doc, keystroke: () => void): void {
    const at = performance.now();
    keystroke();
    let byClock = this.sent.get(doc.clientID);
    if (!byClock) this.sent.set(doc.clientID, (byClock = new Map()));
    byClock.set(Y.getState(doc.store, doc.clientID), at);
  }

  /** How many keystrokes were made inside the window (a keystroke no watched document received has no sample). */
  madeInWindow(): number {
    let made = 0;
    for (const byClock of this.sent.values()) for (const at of byClock.values()) if (this.window.has(at)) made += 1;
    return made;
  }

  /** Times every keystroke of another client that reaches `doc`. */
  watch(doc: Y.Doc): void {
    doc.on("afterTransaction", (transaction: Y.Transaction) => {
      if (transaction.local) return;
      const now = performance.now();
      for (const [client, after] of transaction.afterState) {
        const before = transaction.beforeState.get(client) ?? 0;
        if (after <= before) continue;
        const byClock = this.sent.get(client);
        if (!byClock) continue;
        for (let clock = before + 1; clock <= after; clock++) {
          const at = byClock.get(clock);
          if (at === undefined) continue;
          if (this.window.has(at)) {
            this.samples.push(now - at);
            this.sentAt.push(at - this.window.from);
          }
          this.waiter?.();
        }
      }
    });
  }

  /** Resolves at the next keystroke any watched document receives, or after `timeoutMs` with false. */
  next(timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        resolve(false);
      }, timeoutMs);
      this.waiter = () => {
        clearTimeout(timer);
        this.waiter = null;
        resolve(true);
      };
    });
  }
}
