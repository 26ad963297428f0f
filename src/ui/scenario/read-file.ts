/**
 * A scenario file the person picked, as text: decoded by its BOM like the
 * CLI does (scenario/decode.ts), within the same size limit, or one issue
 * saying why not (shown where load errors are).
 */
import { decodeScenario, MAX_SCENARIO_BYTES } from '../../scenario/decode.ts';
import type { ScenarioIssue } from '../../scenario/model.ts';

export type PickedFile = { ok: true; text: string } | { ok: false; issue: ScenarioIssue };

export function readPickedFile(name: string, size: number, bytes: () => Promise<ArrayBuffer>): Promise<PickedFile> {
  if (size > MAX_SCENARIO_BYTES) {
    const message = `${name} is ${size} bytes, more than the limit of ${MAX_SCENARIO_BYTES}`;
    return Promise.resolve({ ok: false, issue: { severity: 'error', message } });
  }
  return bytes().then((buffer) => {
    const d = decodeScenario(new Uint8Array(buffer));
    return d.ok ? { ok: true, text: d.text } : { ok: false, issue: { severity: 'error', message: `${name}: ${d.error}`, line: d.line, doc: 0 } };
  });
}
