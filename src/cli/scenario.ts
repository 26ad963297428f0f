/**
 * Finding, loading and deriving a scenario for the CLI. `--scenario NAME` is
 * public/scenarios/NAME.yaml under the package root (so the CLI works from
 * any directory); a value with a slash or a .yaml/.yml ending is a file,
 * relative to the working directory.
 */
import { closeSync, existsSync, fstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { derive, SettingsError, type Settings, type Datapath } from '../engine/index.ts';
import { DEFAULT_SCENARIO } from '../scenario/builtin.ts';
import { MAX_SCENARIO_BYTES } from '../scenario/decode.ts';
import { loadScenario } from '../scenario/load.ts';
import type { ClusterModel, ScenarioIssue } from '../scenario/model.ts';
import { isZip, locate, readSysdump, type SysdumpReport } from '../scenario/sysdump/index.ts';
import { UserError } from './errors.ts';
import { clipText } from './terminal.ts';

export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SCENARIO_DIR = resolve(PACKAGE_ROOT, 'public/scenarios');

export function builtInScenarios(): string[] {
  if (!existsSync(SCENARIO_DIR)) return [];
  return readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -'.yaml'.length)).sort();
}

const looksLikeFile = (s: string) => s.includes('/') || s.includes('\\') || /\.(ya?ml|json|zip)$/i.test(s);

/** The file a --scenario value names. */
export function scenarioPath(value: string = DEFAULT_SCENARIO): string {
  if (looksLikeFile(value)) return resolve(value);
  const path = resolve(SCENARIO_DIR, `${value}.yaml`);
  if (!existsSync(path)) {
    throw new UserError(`unknown scenario "${value}"; built-in scenarios: ${builtInScenarios().join(', ')} (or give a .yaml, .json or cilium-sysdump .zip file)`);
  }
  return path;
}


export function maxScenarioBytes(env: NodeJS.ProcessEnv = process.env): number {
  const text = env['FLOWLAB_MAX_BYTES'];
  if (text === undefined || text === '') return MAX_SCENARIO_BYTES;
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UserError(`FLOWLAB_MAX_BYTES must be a whole number of bytes, not "${text}"`);
  return Number(text);
}

/**
 * A scenario file's bytes. Only a regular file (not /dev/zero, a FIFO or a
 * directory) up to the size limit is read: an endless or huge input would
 * otherwise grow until the process dies. loadScenario decodes them by BOM
 * (scenario/decode.ts), as the page's worker does with a chosen file.
 */
export function readScenarioFile(path: string, limit = maxScenarioBytes()): Uint8Array {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const st = fstatSync(fd);
    if (!st.isFile()) throw new UserError(`cannot read ${path}: ${st.isDirectory() ? 'it is a directory' : 'not a regular file'}`);
    if (st.size > limit) {
      throw new UserError(`${path} is ${st.size} bytes, more than the limit of ${limit} (set FLOWLAB_MAX_BYTES to allow more)`);
    }
    const bytes = new Uint8Array(st.size);
    let got = 0;
    while (got < bytes.length) {
      const n = readSync(fd, bytes, got, bytes.length - got, got);
      if (n === 0) break;
      got += n;
    }
    return bytes.subarray(0, got);
  } catch (err) {
    if (err instanceof UserError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : String(code ?? err)}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export type Loaded =
  | { ok: true; model: ClusterModel; path: string; sysdump?: SysdumpReport }
  | { ok: false; errors: ScenarioIssue[]; path: string };

export function loadFile(path: string): Loaded {
  const bytes = readScenarioFile(path);
  // A cilium-sysdump zip (by its bytes, whatever its name): its Kubernetes objects are the scenario.
  if (isZip(bytes)) return loadSysdump(bytes, path);
  // The same entry as the page's worker: bytes in, JSON or YAML by content.
  const r = loadScenario(bytes, basename(path, extname(path)));
  const unreadable = !r.ok && r.errors[0]?.kind === 'encoding' ? r.errors[0] : undefined;
  if (unreadable) throw new UserError(`${basename(path)}: ${unreadable.message}`);
  return r.ok ? { ok: true, model: r.model, path } : { ok: false, errors: r.errors, path };
}

function loadSysdump(bytes: Uint8Array, path: string): Loaded {
  const read = readSysdump(bytes, basename(path));
  if (!read.ok) throw new UserError(read.error);
  const r = loadScenario(read.text, basename(path, extname(path)));
  if (!r.ok) return { ok: false, errors: r.errors.map((e) => locate(e, read.files)), path };
  return { ok: true, model: r.model, path, sysdump: read.report };
}

/** One line for a failed load: the first located error, and how many more there are. */
export function loadErrorLine(path: string, errors: readonly ScenarioIssue[]): string {
  const first = clipText(errors[0]?.message ?? 'the scenario could not be loaded');
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more; \`flowlab validate ${basename(path)}\` lists them all)` : '';
  return `${basename(path)}: ${first}${more}`;
}

/** Loads and derives, or throws a UserError naming the first problem. */
export function datapathFor(scenario: string | undefined, settings: Settings): Datapath {
  const loaded = loadFile(scenarioPath(scenario));
  if (!loaded.ok) throw new UserError(loadErrorLine(loaded.path, loaded.errors));
  try {
    return derive(loaded.model, settings);
  } catch (err) {
    // The message names its cause: the `--set` pair, or the ConfigMap key (scenario/config.ts applySettings).
    if (err instanceof SettingsError) throw new UserError(err.message);
    throw err;
  }
}
