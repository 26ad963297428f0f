/**
 * What the page checks of a chosen file before the worker reads it: its
 * size, against the loader's limit (the CLI's, scenario/decode.ts), and of
 * pasted text: at most 1 MB, so the textarea never holds a cluster.
 */
import { MAX_SCENARIO_BYTES } from '../../scenario/decode.ts';

/** The most text the paste box holds (UTF-8 bytes): larger inputs are chosen as files. */
export const MAX_PASTE_BYTES = 1024 * 1024;

export function fileTooBig(size: number): boolean {
  return size > MAX_SCENARIO_BYTES;
}

/** UTF-8 size of pasted text; past the limit in characters it is at least that many bytes (not encoded). */
export function pastedBytes(text: string): number {
  return text.length > MAX_PASTE_BYTES ? text.length : new TextEncoder().encode(text).length;
}

/** The scenario's name from its file's name (a sysdump's: its directory's, `cilium-sysdump-<ts>`). */
export function scenarioNameOf(fileName: string): string {
  return fileName.replace(/\.(ya?ml|json|zip)$/i, '');
}
