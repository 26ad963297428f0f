/** `flowlab validate FILE`: what the loader understood, or every located error (exit 2). */
import { describeModel } from '../scenario/describe.ts';
import { UserError } from './errors.ts';
import { loadFile, scenarioPath } from './scenario.ts';
import { clipText } from './terminal.ts';

/** Errors `validate` lists; the rest are counted. */
export const MAX_ERRORS = 50;
import { basename } from 'node:path';

export function validateCommand(args: string[]): { ok: boolean; text: string } {
  if (args.length !== 1 || args[0]!.startsWith('-')) throw new UserError('validate: give exactly one scenario file or built-in name, e.g. `flowlab validate my-cluster.yaml`');
  // A file path, or a built-in scenario's name (as --scenario takes it).
  const loaded = loadFile(scenarioPath(args[0]!));
  if (loaded.ok) return { ok: true, text: `${describeModel(loaded.model).replace(/\n?$/, '\n')}` };
  const name = basename(loaded.path);
  // A hostile file can hold thousands of errors, each with a long name: the first ones, clipped, tell enough.
  const lines = loaded.errors.slice(0, MAX_ERRORS).map((e) => `${name}: ${clipText(e.message)}\n`);
  const more = loaded.errors.length > MAX_ERRORS ? `... and ${loaded.errors.length - MAX_ERRORS} more\n` : '';
  return { ok: false, text: `${lines.join('')}${more}${loaded.errors.length} error${loaded.errors.length === 1 ? '' : 's'}\n` };
}
