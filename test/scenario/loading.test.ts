// One entry, two readers: JSON (kubectl get -o json) and YAML give the same model, and errors keep their place.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { generateCluster } from '../../bench/generate.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import type { LoadResult } from '../../src/scenario/model.ts';
import type { LoadProgress } from '../../src/scenario/progress.ts';

const LAB = readFileSync(new URL('../../public/scenarios/kans-lab.yaml', import.meta.url), 'utf8');
const objects = (yaml: string) => parseAllDocuments(yaml).map((d) => d.toJS() as Record<string, unknown>).filter(Boolean);
const LAB_OBJECTS = objects(LAB);

/** The model without where things came from (documents and lines differ between the forms by design). */
function shape(r: LoadResult): unknown {
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return JSON.parse(JSON.stringify({ ...r.model, warnings: r.model.warnings.length, ignored: r.model.ignored.length }, (k, v: unknown) => (k === 'source' ? undefined : v)));
}

const firstError = (r: LoadResult) => (r.ok ? 'loaded' : r.errors[0]?.message);
/** 1-based line of the first occurrence of `needle` after `after`. */
const lineOf = (text: string, needle: string, after = '') => text.slice(0, text.indexOf(needle, text.indexOf(after))).split('\n').length;

describe('the JSON path', () => {
  const expected = shape(loadScenario(LAB, 'lab'));

  it('reads a List, an array, one object per document and `---` separated objects as the YAML gives them', () => {
    const forms = {
      list: JSON.stringify({ apiVersion: 'v1', kind: 'List', items: LAB_OBJECTS }, null, 2),
      array: JSON.stringify(LAB_OBJECTS),
      perDocument: LAB_OBJECTS.map((o) => JSON.stringify(o, null, 2)).join('\n'),
      dashed: LAB_OBJECTS.map((o) => JSON.stringify(o)).join('\n---\n'),
    };
    for (const [form, text] of Object.entries(forms)) expect(shape(loadScenario(text, 'lab')), form).toEqual(expected);
  }, 30_000);

  it('takes bytes with a BOM like the CLI and the worker give them', () => {
    const json = JSON.stringify({ kind: 'List', items: LAB_OBJECTS });
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(json, 'utf16le'))]);
    expect(shape(loadScenario(utf16, 'lab'))).toEqual(expected);
    expect(shape(loadScenario(new TextEncoder().encode(json), 'lab'))).toEqual(expected);
  });

  it('names the object, field, document and line of a bad value, found in the JSON text', () => {
    const items = LAB_OBJECTS.map((o) => (o['kind'] === 'Pod' && (o['metadata'] as { name: string }).name === 'webpod1'
      ? { ...o, status: { ...(o['status'] as object), podIP: '10.0.0.999' } } : o));
    const text = JSON.stringify({ apiVersion: 'v1', kind: 'List', items }, null, 2);
    const line = lineOf(text, '"podIP": "10.0.0.999"');
    expect(firstError(loadScenario(text, 'lab'))).toBe(`Pod default/webpod1, status.podIP (document 1, line ${line}): "10.0.0.999" is not an IPv4 address`);
    // One object per document: the same pod is in its own document.
    const perDoc = items.map((o) => JSON.stringify(o, null, 1)).join('\n');
    const doc = items.findIndex((o) => JSON.stringify(o).includes('10.0.0.999')) + 1;
    expect(firstError(loadScenario(perDoc, 'lab'))).toBe(
      `Pod default/webpod1, status.podIP (document ${doc}, line ${lineOf(perDoc, '"podIP": "10.0.0.999"')}): "10.0.0.999" is not an IPv4 address`);
  });

  it('locates a JSON syntax error by document, line and column', () => {
    const text = `{"kind": "Node", "metadata": {"name": "a"}}\n{"kind": "Node",\n  "metadata": {"name": "b",}}\n`;
    expect(firstError(loadScenario(text, 'x'))).toBe('JSON (document 2, line 3, column 28): Expected double-quoted property name');
    expect(firstError(loadScenario('[{"kind": "Node"', 'x'))).toMatch(/^JSON \(document 1, line 1, column 17\): /);
  });

  it('reads `{apiVersion: v1, ...}` (YAML flow style, not JSON) as YAML', () => {
    const node = '{apiVersion: v1, kind: Node, metadata: {name: n1}, spec: {podCIDRs: [10.1.1.0/24]}, status: {addresses: [{type: InternalIP, address: 192.168.1.1}]}}';
    const r = loadScenario(node, 'flow');
    expect(r.ok && r.model.nodes.map((n) => n.name)).toEqual(['n1']);
  });
});

describe('the YAML path', () => {
  const { yaml } = generateCluster({ nodes: 13, pods: 1300, services: 26, seed: 3 });

  it('loads a generated cluster to the model its JSON form gives', () => {
    const json = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects(yaml) });
    expect(shape(loadScenario(json, 'g'))).toEqual(shape(loadScenario(yaml, 'g')));
  }, 60_000);

  it('names document and line of a bad value deep in a large text (found only when needed)', () => {
    const target = yaml.indexOf('podIP: ', yaml.length / 2);
    const bad = `${yaml.slice(0, target)}podIP: 10.0.0.300${yaml.slice(yaml.indexOf('\n', target))}`;
    const line = bad.slice(0, target).split('\n').length;
    const doc = bad.slice(0, target).split('\n---\n').length;
    const r = loadScenario(bad, 'g');
    expect(r.ok).toBe(false);
    expect(firstError(r)).toMatch(new RegExp(`status\\.podIP \\(document ${doc}, line ${line}\\): "10\\.0\\.0\\.300" is not an IPv4 address$`));
  }, 60_000);

  it('locates a syntax error in a document the fast reader leaves to yaml', () => {
    const text = `${LAB}\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: {a: [}\n`;
    const r = loadScenario(text, 'lab');
    expect(firstError(r)).toMatch(new RegExp(`^YAML \\(document \\d+, line ${text.split('\n').length - 1}, column \\d+\\): `));
  });
});

describe('progress', () => {
  it('reports parse then validate, bytes rising to the total, objects to the count', () => {
    const { yaml } = generateCluster({ nodes: 13, pods: 1300, services: 26, seed: 3 });
    for (const text of [yaml, JSON.stringify({ kind: 'List', items: objects(yaml) })]) {
      const seen: LoadProgress[] = [];
      const bytes = new TextEncoder().encode(text);
      const r = loadScenario(bytes, 'g', (p) => seen.push(p));
      expect(r.ok).toBe(true);
      const phases = [...new Set(seen.map((p) => p.phase))];
      expect(phases).toEqual(['parse', 'validate']);
      const parse = seen.filter((p) => p.phase === 'parse');
      expect(parse.every((p, i) => i === 0 || p.bytes >= (parse[i - 1]?.bytes ?? 0))).toBe(true);
      expect(parse.every((p) => p.totalBytes === bytes.length)).toBe(true);
      const validate = seen.filter((p) => p.phase === 'validate');
      expect(validate.length).toBeGreaterThan(2);
      expect(validate.at(-1)?.totalObjects).toBeGreaterThan(1300);
      expect(validate.every((p) => p.objects <= (p.totalObjects ?? 0))).toBe(true);
    }
  }, 60_000);
});
