import { phrased, ZonesError } from "@zones/domain";

import { uploadErrors } from "./upload-errors";

/** Refused because every slot is taken and the queue is full, or the wait was too long: try again later. */
export function slotsBusy(): ZonesError {
  return new ZonesError("busy", phrased(uploadErrors.busy().message));
}

export interface SlotLimits {
  /** Holders at once. */
  slots: number;
  /** Callers that may wait for a slot; one more is refused at once. */
  maxWaiting: number;
  /** How long a caller waits before it is refused. */
  waitMs: number;
}

/**
 * A counting semaphore with a bounded, timed queue: at most `slots` heavy tasks at once, so that a burst
 * of uploads cannot take every core and all the memory; a few more wait their turn in order, the rest
 * are refused at once rather than piling up.
 */
export class ParseSlots {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limits: SlotLimits) {}

  /** Resolves with the function that frees the slot; rejects with `slotsBusy()`. */
  acquire(): Promise<() => void> {
    if (this.running < this.limits.slots) {
      this.running += 1;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting.length >= this.limits.maxWaiting) return Promise.reject(slotsBusy());
    return new Promise((resolve, reject) => {
      const grant = () => {
        clearTimeout(timer);
        resolve(this.releaser());
      };
      const timer = setTimeout(() => {
        const index = this.waiting.indexOf(grant);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(slotsBusy());
      }, this.limits.waitMs);
      this.waiting.push(grant);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // The slot passes straight to the next caller; otherwise it is freed.
      if (next) next();
      else this.running -= 1;
    };
  }
}
