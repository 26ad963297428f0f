/**
 * Scenario bytes to text, the same way in the CLI and the page: a byte-order
 * mark chooses UTF-8, UTF-16LE or UTF-16BE (and is dropped); without one the
 * text must be valid UTF-8. Invalid bytes are an error at their line, not
 * U+FFFD quietly replacing a character in a name.
 */
import { english, say, type IssueText } from './issue-text.ts';

/** TextDecoder exists in every runtime the loader runs in; the pure core's types (no DOM, no node) omit it. */
declare const TextDecoder: new (
  label: string,
  options?: { fatal?: boolean; ignoreBOM?: boolean },
) => { decode(input: Uint8Array, options?: { stream?: boolean }): string };

/** The largest scenario read (CLI: unless FLOWLAB_MAX_BYTES says otherwise): a 1,000-node, 100k-pod cluster is ~80 MB of YAML. */
export const MAX_SCENARIO_BYTES = 256 * 1024 * 1024;

/** A failure says `error` in English and `says` as words for the page (issue-text.ts). */

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; error: string; says: IssueText; line: number };

function bom(bytes: Uint8Array): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; skip: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return { encoding: 'utf-8', skip: 0 };
}

export function decodeScenario(bytes: Uint8Array): Decoded {
  const { encoding, skip } = bom(bytes);
  const body = bytes.subarray(skip);
  try {
    // ignoreBOM: the mark was read above; a second one would be part of the text.
    return { ok: true, text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body), encoding };
  } catch {
    const at = firstInvalid(body, encoding);
    const line = lineAt(body, at, encoding);
    const says = say('scenario.encoding', { line, encoding: encoding.toUpperCase(), byte: at + skip + 1 });
    return { ok: false, line, error: english(says), says };
  }
}

/** Offset of the first byte that does not decode: the longest prefix that does, found by halving. */
function firstInvalid(body: Uint8Array, encoding: string): number {
  const decodes = (n: number) => {
    try {
      new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body.subarray(0, n), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let lo = 0;
  let hi = body.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (decodes(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The line of a byte offset: the newlines in the (valid) text before it, plus one. */
function lineAt(body: Uint8Array, offset: number, encoding: string): number {
  const before = new TextDecoder(encoding, { ignoreBOM: true }).decode(body.subarray(0, offset));
  return before.split('\n').length;
}
