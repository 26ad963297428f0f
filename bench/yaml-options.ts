/**
 * `node --expose-gc --import tsx bench/yaml-options.ts [scale]`: how fast the
 * `yaml` package reads the bench cluster's multi-document text in each way the
 * loader could use it (docs/loading-notes.md records the figures and the choice).
 * Each option runs in this process after a GC; heap is the growth it retains.
 */
import { LineCounter, parse, parseAllDocuments, parseDocument, Parser } from 'yaml';
import { generateCluster } from './generate.ts';
import { splitYamlDocuments } from '../src/scenario/yaml-split.ts';
import { readFastYaml, UNSUPPORTED } from '../src/scenario/yaml-fast.ts';

const scale = Number(process.argv[2] ?? '0.2');
const { yaml } = generateCluster({ nodes: Math.round(1000 * scale), pods: Math.round(100_000 * scale), services: Math.round(2000 * scale), seed: 42 });
console.log(`${(yaml.length / 1e6).toFixed(1)} MB of YAML (scale ${scale})`);
// The same objects as JSON (what `kubectl get -o json` prints), read here by the fast reader to be quick.
const json = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: (splitYamlDocuments(yaml) ?? []).map((c) => readFastYaml(c.text)) });
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

const options: Record<string, () => unknown[]> = {
  'parseAllDocuments + LineCounter + toJS (before)': () => {
    const lineCounter = new LineCounter();
    return parseAllDocuments(yaml, { lineCounter }).map((d) => (d as { toJS(): unknown }).toJS());
  },
  'parseAllDocuments, no LineCounter, toJS': () => parseAllDocuments(yaml).map((d) => (d as { toJS(): unknown }).toJS()),
  'split + parseDocument per document + toJS': () => (splitYamlDocuments(yaml) ?? []).map((c) => parseDocument(c.text).toJS()),
  'split + parse per document': () => (splitYamlDocuments(yaml) ?? []).map((c) => parse(c.text)),
  'split + parse per document, uniqueKeys off': () => (splitYamlDocuments(yaml) ?? []).map((c) => parse(c.text, { uniqueKeys: false })),
  'split + fast reader, yaml where it steps aside (after)': () => (splitYamlDocuments(yaml) ?? []).map((c) => {
    const fast = readFastYaml(c.text);
    return fast === UNSUPPORTED ? parse(c.text) : fast;
  }),
  'JSON.parse of the same objects (one List)': () => (JSON.parse(json) as { items: unknown[] }).items,
  'yaml Parser only (CST, no documents)': () => [...new Parser().parse(yaml)],
  'split only': () => splitYamlDocuments(yaml) ?? [],
};
const only = process.argv[3];
for (const [label, fn] of Object.entries(options)) {
  if (only && !label.includes(only)) continue;
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const out = fn();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const heap = process.memoryUsage().heapUsed - heap0;
  console.log(`${label.padEnd(52)} ${wall.toFixed(0).padStart(6)} ms wall ${cpuMs.toFixed(0).padStart(6)} ms CPU  retained ${(heap / 1e6).toFixed(0)} MB  (${out.length} docs)`);
}
