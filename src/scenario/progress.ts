/**
 * Where a load is, for a progress bar: the readers and the loader call this
 * often (every few hundred objects); whoever shows it decides how often to
 * pass it on (the worker: every 100 ms).
 */
export type LoadPhase = 'read' | 'parse' | 'validate' | 'derive';

export interface LoadProgress {
  phase: LoadPhase;
  /** Bytes of the input read or parsed so far (parse: estimated from the text offset). */
  bytes: number;
  totalBytes: number;
  /** Objects found so far (parse), or checked so far (validate). */
  objects: number;
  /** Known from the validate phase on. */
  totalObjects?: number;
  /** derive: the share of its work done, 0..1 (the engine counts pods and services as it goes). */
  derived?: number;
}

export type OnProgress = (p: LoadProgress) => void;

/** How many objects or documents between two calls. */
export const PROGRESS_EVERY = 256;
