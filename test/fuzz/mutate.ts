/**
 * Mutated scenarios from every built-in one (fast-check arbitraries): a
 * subset of its objects (dropped), some duplicated, and fields retyped,
 * renamed, set to numeric boundaries or to arbitrary unicode; written back as
 * YAML or JSON, sometimes with a byte-order mark's worth of oddity removed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parseAllDocuments, stringify } from 'yaml';
import { MODE_PRESETS, type FlowProto, type Settings } from '../../src/engine/index.ts';
import type { CaseInput } from './pipeline.ts';

const DIR = fileURLToPath(new URL('../../public/scenarios/', import.meta.url));

type Json = unknown;

/** Each built-in scenario's objects (List items flattened), parsed once. */
export const BUILTINS: { name: string; objects: Json[] }[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => {
    const objects = parseAllDocuments(readFileSync(DIR + f, 'utf8'))
      .map((d) => d.toJS() as Json)
      .filter((o) => o !== null)
      .flatMap((o) => ((o as { kind?: string }).kind === 'List' ? ((o as { items: Json[] }).items ?? []) : [o]));
    return { name: f.slice(0, -'.yaml'.length), objects };
  });

const BOUNDARIES = [0, -1, 1, 255, 256, 4095, 4096, 65535, 65536, 2 ** 31 - 1, 2 ** 31, 2 ** 32, 2 ** 53, 1.5, -0, NaN, Infinity, -Infinity];
const NAMES = ['', 'a', '-', 'a'.repeat(254), 'UPPER', '__proto__', 'constructor', 'x\u001b[2Jy', '<img src=x onerror=alert(1)>', 'a\u202eb', '名前', 'default', 'kube-system', '10.0.0.1', 'k8s-s'];

const anyValue: fc.Arbitrary<Json> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(...NAMES),
  fc.constantFrom(...BOUNDARIES),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom(...NAMES, 'app', 'ip', 'port'), fc.oneof(fc.string(), fc.integer()), { maxKeys: 3 }),
);

export type Mutation =
  | { op: 'set'; at: number; value: Json }
  | { op: 'drop'; at: number }
  | { op: 'rename'; at: number; key: string }
  | { op: 'dup'; object: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: anyValue }),
  fc.record({ op: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('rename' as const), at: fc.nat(), key: fc.oneof(fc.constantFrom(...NAMES), fc.string()) }),
  fc.record({ op: fc.constant('dup' as const), object: fc.nat() }),
);

/** Every container and leaf position in a value: [parent, key] pairs. */
function positions(root: Json): [Record<string, Json> | Json[], string | number][] {
  const out: [Record<string, Json> | Json[], string | number][] = [];
  const walk = (v: Json) => {
    if (Array.isArray(v)) v.forEach((x, i) => (out.push([v, i]), walk(x)));
    else if (v !== null && typeof v === 'object') {
      for (const k of Object.keys(v)) {
        out.push([v as Record<string, Json>, k]);
        walk((v as Record<string, Json>)[k]);
      }
    }
  };
  walk(root);
  return out;
}

export function applyMutations(objects: Json[], mutations: readonly Mutation[]): Json[] {
  const docs = structuredClone(objects);
  for (const m of mutations) {
    if (m.op === 'dup') {
      if (docs.length) docs.push(structuredClone(docs[m.object % docs.length]));
      continue;
    }
    const all = positions(docs);
    const hit = all[m.at % Math.max(all.length, 1)];
    if (!hit) continue;
    const [parent, key] = hit;
    if (Array.isArray(parent)) {
      if (m.op === 'drop') parent.splice(key as number, 1);
      else if (m.op === 'set') parent[key as number] = m.value;
      continue;
    }
    const k = key as string;
    if (m.op === 'drop') delete parent[k];
    else if (m.op === 'set') parent[k] = m.value;
    else if (m.key !== k) {
      Object.defineProperty(parent, m.key, { value: parent[k], enumerable: true, configurable: true, writable: true });
      delete parent[k];
    }
  }
  return docs;
}

const SETTINGS: Settings[] = [{}, {}, { 'routing-mode': 'tunnel' }, { 'enable-ip-masq-agent': 'false' }, ...MODE_PRESETS.map((m) => m.settings), { 'kube-proxy-replacement': 'false' }];

export const caseArb: fc.Arbitrary<CaseInput & { scenario: string; mutations: Mutation[] }> = fc
  .record({
    scenario: fc.constantFrom(...BUILTINS.map((b) => b.name)),
    // Which objects stay: a bitmask per object index (most cases keep a small cluster, fast to load).
    keep: fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
    // One case in ten keeps the whole scenario (slow to load); the rest a small cluster.
    whole: fc.nat({ max: 9 }).map((n) => n === 0),
    mutations: fc.array(mutation, { minLength: 0, maxLength: 5 }),
    format: fc.constantFrom('yaml', 'json', 'list'),
    settings: fc.constantFrom(...SETTINGS),
    flows: fc.array(
      fc.record({ from: fc.nat(), to: fc.nat(), proto: fc.constantFrom<FlowProto>('icmp', 'tcp', 'udp'), port: fc.constantFrom(80, 53, 443, 8080, 1), seed: fc.nat() }),
      { minLength: 1, maxLength: 2 },
    ),
  })
  .map(({ scenario, keep, whole, mutations, format, settings, flows }) => {
    const base = BUILTINS.find((b) => b.name === scenario)?.objects ?? [];
    // Nodes and ConfigMaps always stay unless mutated away: without a node nothing traces.
    const kept = whole ? base : base.filter((o, i) => ['Node', 'ConfigMap', 'CiliumNode'].includes(String((o as { kind?: string }).kind)) || keep[i % 64]);
    const docs = applyMutations(kept, mutations);
    const text =
      format === 'json' ? docs.map((d) => JSON.stringify(d)).join('\n---\n')
        : format === 'list' ? JSON.stringify({ apiVersion: 'v1', kind: 'List', items: docs })
          : docs.map((d) => stringify(d)).join('---\n');
    return { scenario, mutations, text, settings, flows };
  });
