/**
 * How far derive() has got, for a load's progress bar: derive is one call that
 * takes seconds on a 100,000-pod cluster, so it counts its work (pods and
 * service frontends visited) and tells a callback every few thousand units.
 * The caller decides how often to pass that on (the worker: every 100 ms).
 */
export interface DeriveProgress {
  /** Units of work done so far, of `total`. */
  done: number;
  total: number;
}

export type OnDeriveProgress = (p: DeriveProgress) => void;

/** Units between two calls: a few ms of work, so a report is never far behind. */
const EVERY = 2048;

/** A counter that calls `onProgress` every EVERY units and at the end; free when there is none. */
export class DeriveTicker {
  private done = 0;
  private nextAt = 0;
  constructor(
    private readonly total: number,
    private readonly onProgress?: OnDeriveProgress,
  ) {
    this.report();
  }

  add(units = 1): void {
    this.done += units;
    if (this.onProgress && this.done >= this.nextAt) this.report();
  }

  finish(): void {
    this.done = this.total;
    this.report();
  }

  private report(): void {
    this.nextAt = this.done + EVERY;
    this.onProgress?.({ done: Math.min(this.done, this.total), total: this.total });
  }
}
