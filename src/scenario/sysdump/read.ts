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
import { issueOf } from '../issue-of.ts';
import { literal, say, type IssueParam, type IssueText } from '../issue-text.ts';

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
  | { ok: false; error: string; issue: ScenarioIssue };

/** A zip that cannot be read: the English line (`error`, what the CLI prints) and the issue the page lists. */
function unreadable(text: IssueText): { ok: false; error: string; issue: ScenarioIssue } {
  const issue = issueOf('error', text);
  return { ok: false, error: issue.message, issue };
}

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
    return unreadable(say('scenario.zip.unreadable', { zip, why: literal(why) }));
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
    if (!decoded.ok) return unreadable(say('scenario.zip.encoding', { zip, path, line: decoded.line, error: decoded.says }));
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
    return unreadable(say('scenario.zip.no_objects', { zip, expected }));
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
  const file_ = baseName(file.path);
  const at = own !== undefined ? say('scenario.where.file', { file: file_, line: own }) : say('scenario.where.file_only', { file: file_ });
  // The joined text's document number means nothing to the person: the file names the place now.
  const { doc: _doc, ...rest } = issue;
  const text = issue.text && relocated(issue.text, at);
  return { ...rest, message, ...(text ? { text } : {}), ...(own !== undefined ? { line: own } : {}) };
}

/** The words with every `document N, line L` in them said as `at` (as the English line's replace does). */
function relocated(t: IssueText, at: IssueText): IssueText {
  if (t.id === 'scenario.where') return at;
  const params: Record<string, IssueParam> = {};
  for (const [k, v] of Object.entries(t.params)) params[k] = typeof v === 'object' ? relocated(v, at) : v;
  return { id: t.id, params };
}
