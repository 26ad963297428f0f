/**
 * The worker's positions reading (src/worker/yaml-positions.ts) finds every
 * key and item where yaml's own tree does, by the walk the loader makes for a
 * line (src/scenario/yaml-documents.ts offsetOf), or asks for the package.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq, parseDocument, stringify } from 'yaml';
import { generateCluster } from '../../bench/generate.ts';
import { readFastYaml, UNSUPPORTED } from '../../src/scenario/yaml-fast.ts';
import { splitYamlDocuments } from '../../src/scenario/yaml-split.ts';
import { isPositions, readPositions } from '../../src/worker/yaml-positions.ts';

type Path = (string | number)[];
interface Is { map(n: unknown): boolean; seq(n: unknown): boolean; scalar(n: unknown): boolean }
type AnyNode = { range?: readonly number[]; items?: unknown[]; key?: { value: unknown; range?: readonly number[] }; value?: unknown };

/** yaml-documents.ts offsetOf, over either tree. */
function offsetOf(root: AnyNode, path: Path, is: Is): number {
  let node: unknown = root;
  let offset = root.range?.[0] ?? 0;
  for (const seg of path) {
    if (is.map(node)) {
      const pair = ((node as AnyNode).items as AnyNode[]).find((p) => is.scalar(p.key) && String(p.key?.value) === String(seg));
      if (!pair) break;
      offset = (is.scalar(pair.key) && pair.key?.range?.[0]) || offset;
      node = pair.value;
    } else if (is.seq(node) && typeof seg === 'number') {
      const item = ((node as AnyNode).items as unknown[])[seg];
      if (!item || typeof item !== 'object' || !('range' in item)) break;
      offset = (item as AnyNode).range?.[0] ?? offset;
      node = item;
    } else break;
  }
  return offset;
}

const YAML_IS: Is = { map: isMap, seq: isSeq, scalar: isScalar };
const kind = (k: string) => (n: unknown) => isPositions(n) && n.kind === k;
const POS_IS: Is = { map: kind('map'), seq: kind('seq'), scalar: kind('scalar') };

class AskedForPackage extends Error {}
const ask = (): never => {
  throw new AskedForPackage();
};

/** Every path into `data`, and each one a missing segment further. */
function paths(data: unknown, prefix: Path = []): Path[] {
  const here: Path[] = [prefix, [...prefix, 'no-such-key'], [...prefix, 99]];
  if (Array.isArray(data)) return [...here, ...data.flatMap((v, i) => paths(v, [...prefix, i]))];
  if (data && typeof data === 'object') return [...here, ...Object.entries(data).flatMap(([k, v]) => paths(v, [...prefix, k]))];
  return here;
}

/** Checks one document; false when the fast reader does not read it. */
function agrees(doc: string): boolean {
  const data = readFastYaml(doc);
  if (data === UNSUPPORTED) return false;
  const tree = parseDocument(doc).contents as AnyNode | null;
  const pos = readPositions(doc, ask) as AnyNode | null;
  if (!tree || !pos) {
    expect(pos, doc).toBe(null);
    return true;
  }
  for (const path of paths(data)) {
    let mine: number;
    try {
      mine = offsetOf(pos, path, POS_IS);
    } catch (e) {
      if (e instanceof AskedForPackage) continue; // an empty item: the stand-in asks for the package
      throw e;
    }
    expect(mine, `${JSON.stringify(path)} in\n${doc}`).toBe(offsetOf(tree, path, YAML_IS));
  }
  return true;
}

const dir = new URL('../../public/scenarios/', import.meta.url);

describe('positions without the yaml package', () => {
  it('are yaml\'s in every document of the built-in scenarios and of a generated cluster', () => {
    const texts = readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => readFileSync(new URL(f, dir), 'utf8'));
    texts.push(generateCluster({ nodes: 5, pods: 40, services: 4, seed: 5 }).yaml);
    let read = 0;
    for (const text of texts) for (const chunk of splitYamlDocuments(text) ?? []) if (agrees(chunk.text)) read++;
    expect(read).toBeGreaterThan(100);
  }, 60_000);

  it('are yaml\'s for quoted keys, literal blocks, compact and nested sequences, flow sequences and comments', () => {
    const doc = [
      '--- # a comment', '# another', 'a: |', '  line one', '', '    indented', 'b: |-', '  kept', 'c:', '- - x', '  - y',
      '-   name: z', '    port: 80', '-', '  k: v', '"quoted \\" key": 1 # one', "'it''s': [ \"-f\" , x, 'y' ]",
      'd:', '  - "q"', '  -  e: 1', '     f: [a]', 'g: {}', 'h: []', 'i:', 'j: # c', '  k: 1',
    ].join('\n');
    expect(agrees(doc)).toBe(true);
    expect(agrees('- a\n- b: 1\n  c: 2\n-   - d')).toBe(true);
  });

  it('are yaml\'s on any data yaml prints in block style that the fast reader reads', () => {
    const key = fc.oneof(fc.constantFrom('a', 'name', 'app.kubernetes.io/name', 'x y', 'k: v', "it's", 'q"'), fc.string({ maxLength: 6 }));
    const leaf = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean(), fc.constant(null),
      fc.constantFrom('line\nline\n', 'a #b', '[]', '{}'), fc.array(fc.constantFrom('a', '-f', 'b c', '1'), { maxLength: 3 }));
    const value = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(key, tie('v'), { maxKeys: 4 })),
    })).v;
    const style = fc.record({ indentSeq: fc.boolean(), indent: fc.constantFrom(2, 4), flowLevel: fc.constantFrom(0, 2, 3) });
    let read = 0;
    const runs = Number(process.env.FAST_RUNS ?? 400);
    fc.assert(fc.property(fc.dictionary(key, value, { minKeys: 1, maxKeys: 5 }), style, (data, opts) => {
      if (agrees(stringify(data, opts))) read++;
    }), { numRuns: runs });
    // Most of them are checked, not stepped aside from.
    expect(read).toBeGreaterThan(runs / 4);
  }, 120_000);
});
