/**
 * A load's progress as one number for the progress bar: each phase fills its
 * share (reading and parsing by bytes, checking by objects, deriving by the
 * share of its work the engine reports).
 */
import type { LoadPhase, LoadProgress } from '../../scenario/progress.ts';

const SPAN: Record<LoadPhase, [number, number]> = { read: [0, 10], parse: [10, 60], validate: [60, 85], derive: [85, 100] };

export function loadPercent(p: LoadProgress): number {
  const [from, to] = SPAN[p.phase];
  const part = p.phase === 'validate' ? p.objects / Math.max(1, p.totalObjects ?? p.objects) : p.phase === 'derive' ? (p.derived ?? 0) : p.bytes / Math.max(1, p.totalBytes);
  return Math.round(from + (to - from) * Math.min(1, Math.max(0, part)));
}

/** `812 KB`, `80.1 MB`: file sizes as people read them (10^3, like the OS's file dialogs). */
export function sizeText(bytes: number): string {
  if (bytes < 1e3) return `${bytes} B`;
  if (bytes < 1e6) return `${Math.round(bytes / 1e3)} KB`;
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
