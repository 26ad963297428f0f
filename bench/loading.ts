/**
 * Section 1b: loading the large cluster from a file, as YAML (what `kubectl
 * get -o yaml` prints) and as JSON (`-o json`, one List of the same objects),
 * each in a child process with a 1.5 GB heap guard (load-child.ts, bundled as the worker is), beside
 * JSON.parse of the same objects. Writes the files the browser section opens.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { readFastYaml, UNSUPPORTED } from '../src/scenario/yaml-fast.ts';
import { splitYamlDocuments } from '../src/scenario/yaml-split.ts';
import { mb, ms, type Report } from './report.ts';

const DIR = new URL('./results/', import.meta.url);
const CHILD_SOURCE = fileURLToPath(new URL('./load-child.ts', import.meta.url));
const CHILD_DIR = fileURLToPath(new URL('./results/load-child/', import.meta.url));
const CHILD = `${CHILD_DIR}load-child.js`;
/** The heap target: a child that needs more dies, which is the figure's miss. */
const HEAP_LIMIT_MB = 1536;

export interface LoadFiles {
  yaml: string;
  json: string;
}

interface ChildResult {
  ok: boolean;
  error?: string;
  loadMs?: number;
  loadCpu?: number;
  deriveMs?: number;
  deriveCpu?: number;
  parseMs?: number;
  parseCpuMs?: number;
  peakHeap?: number;
  maxRss?: number;
}

function child(file: string, mode = 'load'): Promise<ChildResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [`--max-old-space-size=${HEAP_LIMIT_MB}`, CHILD, file, mode], { maxBuffer: 1 << 20 },
      (err, stdout, stderr) => {
        const line = stdout.trim().split('\n').pop() ?? '';
        if (!err && line.startsWith('{')) return resolve(JSON.parse(line) as ChildResult);
        const oom = /heap out of memory|Allocation failed/i.test(stderr);
        resolve({ ok: false, error: oom ? `ran out of its ${HEAP_LIMIT_MB} MB heap` : (stderr.trim().split('\n').pop() ?? String(err)) });
      });
  });
}

/** The cluster's objects as one JSON List, as `kubectl get -o json` prints them. */
function toJson(yaml: string): string {
  const items = (splitYamlDocuments(yaml) ?? []).map((c) => readFastYaml(c.text)).filter((o) => o !== UNSUPPORTED && o !== null);
  return JSON.stringify({ apiVersion: 'v1', kind: 'List', items }, null, 2);
}

/**
 * The child, bundled by Vite as the page's worker is (no tsx on the way: its keepNames wrappers cost ~150 ms
 * of a JSON load that the page never pays). Node modules stay imports, as in any SSR build.
 */
async function buildChild(): Promise<void> {
  await build({
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    build: { ssr: CHILD_SOURCE, outDir: CHILD_DIR, emptyOutDir: true, minify: false, target: 'node20' },
  });
}

export async function benchLoading(report: Report, yaml: string): Promise<LoadFiles> {
  report.section('1b. Loading the large cluster from a file (the bundled loader in a child process each, heap guard 1.5 GB)');
  mkdirSync(DIR, { recursive: true });
  await buildChild();
  const files = { yaml: fileURLToPath(new URL('load-large.yaml', DIR)), json: fileURLToPath(new URL('load-large.json', DIR)) };
  writeFileSync(files.yaml, yaml);
  const json = toJson(yaml);
  writeFileSync(files.json, json);
  report.info(`files: ${mb(Buffer.byteLength(yaml))} of YAML, ${mb(Buffer.byteLength(json))} of JSON (the same objects)`);

  const parse = await child(files.json, '--json-parse');
  const parseMs = parse.ok ? parse.parseMs : undefined;
  report.add('JSON.parse of the same objects', parseMs, 'ms', undefined, parse.ok ? `CPU ${ms(parse.parseCpuMs ?? 0)}` : parse.error);
  for (const [format, file, target] of [['YAML', files.yaml, 8000], ['JSON', files.json, 3000]] as const) {
    const r = await child(file);
    if (!r.ok) {
      report.add(`${format} load + derive`, undefined, 'ms', { op: '<', value: target }, r.error);
      report.add(`${format} peak heap`, undefined, 'MB', { op: '<', value: 1500 }, r.error);
      continue;
    }
    const total = (r.loadMs ?? 0) + (r.deriveMs ?? 0);
    report.add(`${format} load + derive`, total, 'ms', { op: '<', value: target },
      `load ${ms(r.loadMs ?? 0)} (CPU ${ms(r.loadCpu ?? 0)}), derive ${ms(r.deriveMs ?? 0)} (CPU ${ms(r.deriveCpu ?? 0)})`);
    if (format === 'JSON' && parseMs) report.add('JSON load + derive ÷ JSON.parse', total / parseMs, '×', { op: '<=', value: 20 });
    report.add(`${format} peak heap`, (r.peakHeap ?? 0) / 1e6, 'MB', { op: '<', value: 1500 }, `peak RSS ${mb(r.maxRss ?? 0)}`);
  }
  return files;
}
