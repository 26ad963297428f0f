/**
 * A cilium-sysdump zip -> the scenario text the loader reads, and a report
 * of what the zip held: which object files were found (and how many
 * objects each), which were missing, each agent's bugtool tables and the
 * Hubble flow files. The one entry for zips (CLI --scenario, the page's file
 * input): bytes in, text and report out; the loader does the rest.
 *
 * The object files are joined as YAML documents, one file per document (each
 * is one `kind: <X>List`), so a loader message's `document N, line L` maps
 * back to a file and its own line (`locate`).
 */
import { unzipSync, type Unzipped } from 'fflate';
import { decodeScenario } from '../decode.ts';
import type { ScenarioIssue } from '../source.ts';
import {
  BUGTOOL_DIR, BUGTOOL_TABLES, HUBBLE_FLOWS_FILE, SYSDUMP_OBJECT_FILES, baseName, objectFileOf, type BugtoolTable,
} from './layout.ts';

export interface SysdumpFile {
  /** The entry's path inside the zip. */
  path: string;
  /** What the file holds (layout.ts). */
  holds: string;
  /** Objects in its `items` (0 for an empty list). */
  objects: number;
}

export interface AgentTables {
  /** The agent pod the bugtool ran in (`cilium-x7k2p`). */
  pod: string;
  /** The raw command output per table; absent when the archive lacks the file. */
  tables: Partial<Record<BugtoolTable, string>>;
}

export interface SysdumpReport {
  zip: string;
  found: SysdumpFile[];
  /** Object files the zip lacks, by what they would hold. */
  missing: string[];
  agents: AgentTables[];
  hubbleFlows: { path: string; text: string }[];
}

export type SysdumpRead =
  | { ok: true; text: string; report: SysdumpReport; files: { path: string; firstLine: number }[] }
  | { ok: false; error: string };

/** Zip files start with a local file header, `PK\x03\x04` (APPNOTE 4.3.7); an empty zip with `PK\x05\x06`. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05);
}

function wanted(path: string): boolean {
  return objectFileOf(path) !== undefined || BUGTOOL_DIR.test(path) || HUBBLE_FLOWS_FILE.test(path);
}

/**
 * `items:` entries of a list file, counted without parsing it (the loader
 * parses it once, later): the dashes at the indentation of the first item
 * (Go's YAML writes them at column 0; other writers indent them).
 */
function countItems(text: string): number {
  const first = /^items:[ \t]*\r?\n(?:[ \t]*#.*\r?\n)*([ ]*)- /m.exec(text);
  // One object written alone (cilium-configmap-<ts>.yaml) is one, an empty list none.
  if (!first) return /^kind:\s*\S+List\s*$/m.test(text) || !/^kind:/m.test(text) ? 0 : 1;
  return (text.match(new RegExp(`^${first[1] ?? ''}- `, 'gm')) ?? []).length;
}

export function readSysdump(bytes: Uint8Array, zip: string): SysdumpRead {
  let entries: Unzipped;
  try {
    // Only the files used are inflated: a sysdump's logs and profiles can be most of its size.
    entries = unzipSync(bytes, { filter: (f) => wanted(f.name) });
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return { ok: false, error: `${zip}: not a readable zip (${why}); is the file complete?` };
  }
  const report: SysdumpReport = { zip, found: [], missing: [], agents: [], hubbleFlows: [] };
  const parts: string[] = [];
  const files: { path: string; firstLine: number }[] = [];
  let line = 1;
  const agents = new Map<string, AgentTables>();
  for (const path of Object.keys(entries).sort()) {
    const data = entries[path];
    if (!data) continue;
    const decoded = decodeScenario(data);
    if (!decoded.ok) return { ok: false, error: `${zip}: ${path}, line ${decoded.line}: ${decoded.error}` };
    const text = decoded.text;
    const objectFile = objectFileOf(path);
    if (objectFile) {
      report.found.push({ path, holds: objectFile.holds, objects: countItems(text) });
      if (parts.length > 0) line += 1; // the `---` between files
      files.push({ path, firstLine: line });
      const body = text.endsWith('\n') ? text : `${text}\n`;
      parts.push(body);
      line += body.split('\n').length - 1;
      continue;
    }
    const bug = BUGTOOL_DIR.exec(path);
    if (bug?.[1] && bug[2]) {
      const table = (Object.keys(BUGTOOL_TABLES) as BugtoolTable[]).find((k) => BUGTOOL_TABLES[k] === bug[2]);
      if (!table) continue;
      const agent = agents.get(bug[1]) ?? { pod: bug[1], tables: {} };
      agent.tables[table] = text;
      agents.set(bug[1], agent);
      continue;
    }
    if (HUBBLE_FLOWS_FILE.test(path)) report.hubbleFlows.push({ path, text });
  }
  const seen = new Set(report.found.map((f) => f.holds));
  report.missing = SYSDUMP_OBJECT_FILES.filter((f) => !seen.has(f.holds)).map((f) => `${f.prefix}<ts>.yaml (${f.holds})`);
  report.agents = [...agents.values()];
  if (report.found.length === 0) {
    const expected = SYSDUMP_OBJECT_FILES.slice(0, 3).map((f) => `${f.prefix}<ts>.yaml`).join(', ');
    return { ok: false, error: `${zip}: no Kubernetes objects in this zip (expected cilium-sysdump files such as ${expected})` };
  }
  return { ok: true, text: parts.join('---\n'), report, files };
}

/**
 * A loader issue located in the zip: `document N, line L` of the joined text
 * becomes `<file>, line L'`. Issues without a document stay as they are.
 */
export function locate(issue: ScenarioIssue, files: readonly { path: string; firstLine: number }[]): ScenarioIssue {
  if (issue.doc === undefined) return issue;
  const file = files[issue.doc];
  if (!file) return issue;
  const own = issue.line !== undefined ? issue.line - file.firstLine + 1 : undefined;
  const where = `${baseName(file.path)}${own !== undefined ? `, line ${own}` : ''}`;
  const message = issue.message.replace(/document \d+, line \d+/g, where);
  // The joined text's document number means nothing to the person: the file names the place now.
  const { doc: _doc, ...rest } = issue;
  return { ...rest, message, ...(own !== undefined ? { line: own } : {}) };
}
