// A kubectl-printed JSON List is read item by item, each body dropped once read; anything else is read whole.
// Either way the model, and every error with its document and line, are the same.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { readDocuments } from '../../src/scenario/documents.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import type { LoadResult } from '../../src/scenario/model.ts';

const LAB = readFileSync(new URL('../../public/scenarios/kans-lab.yaml', import.meta.url), 'utf8');
const ITEMS = parseAllDocuments(LAB).map((d) => d.toJS() as Record<string, unknown>).filter(Boolean);
/** As `kubectl get -o json` prints a List: four-space indentation, kind after items. */
const kubectl = (items: unknown[], kind = 'List') => JSON.stringify({ apiVersion: 'v1', items, kind, metadata: { resourceVersion: '' } }, null, 4);
const streamed = (text: string) => readDocuments(text).stream !== undefined;
const errors = (r: LoadResult) => (r.ok ? [] : r.errors.map((e) => e.message));
const shape = (r: LoadResult) => {
  if (!r.ok) throw new Error(errors(r).join('\n'));
  // Where things came from differs between the forms by design (documents and lines).
  return JSON.parse(JSON.stringify({ ...r.model, warnings: r.model.warnings.length }, (k, v: unknown) => (k === 'source' ? undefined : v)));
};
const webpod1 = (o: Record<string, unknown>) => o['kind'] === 'Pod' && (o['metadata'] as { name: string }).name === 'webpod1';

describe('a kubectl-printed JSON List', () => {
  it('is streamed, and loads to the model the YAML gives (its pods keep no body)', () => {
    const text = kubectl(ITEMS);
    expect(streamed(text)).toBe(true);
    expect(shape(loadScenario(text, 'lab'))).toEqual(shape(loadScenario(LAB, 'lab')));
  });

  it('names the same object, field, document and line as reading it whole', () => {
    const items = ITEMS.map((o) => (webpod1(o) ? { ...o, status: { ...(o['status'] as object), podIP: '10.0.0.999' } } : o));
    const text = kubectl(items);
    const line = text.slice(0, text.indexOf('"podIP": "10.0.0.999"')).split('\n').length;
    expect(errors(loadScenario(text, 'lab'))).toContain(`Pod default/webpod1, status.podIP (document 1, line ${line}): "10.0.0.999" is not an IPv4 address`);
    // A check after every object is read (pod outside its node's CIDR) still finds the line, with the pod's body gone.
    const moved = ITEMS.map((o) => (webpod1(o) ? { ...o, status: { ...(o['status'] as object), podIP: '10.99.0.1' } } : o));
    const movedText = kubectl(moved);
    const at = movedText.slice(0, movedText.indexOf('"podIP": "10.99.0.1"')).split('\n').length;
    const outside = new RegExp(`^Pod default/webpod1, status.podIP \\(document 1, line ${at}\\): 10.99.0.1 is outside Node`);
    expect(errors(loadScenario(movedText, 'lab')).filter((m) => outside.test(m))).toHaveLength(1);
  });

  it('finds an object listed twice in it', () => {
    const pod = ITEMS.find(webpod1);
    const text = kubectl([...ITEMS, pod]);
    expect(errors(loadScenario(text, 'lab')).some((m) => /^Pod default\/webpod1 \(document 1, line \d+\): is listed twice in one document/.test(m))).toBe(true);
  });

  it('gives a typed list\'s kind to its items, as sysdump writes them', () => {
    const nodes = ITEMS.filter((o) => o['kind'] === 'Node').map(({ kind: _k, apiVersion: _a, ...rest }) => rest);
    const others = ITEMS.filter((o) => o['kind'] !== 'Node');
    const text = `${kubectl(nodes, 'NodeList')}`;
    expect(streamed(text)).toBe(true);
    const r = readDocuments(text);
    const kinds: string[] = [];
    r.stream?.forEach((o) => kinds.push(`${o.apiVersion} ${o.kind} ${o.name}`));
    expect(kinds).toEqual(nodes.map((n) => `v1 Node ${(n['metadata'] as { name: string }).name}`));
    expect(others.length).toBeGreaterThan(0);
  });

  it('stops at an item that is not an object, with its line', () => {
    const text = kubectl([...ITEMS.slice(0, 2), 'oops']);
    expect(errors(loadScenario(text, 'lab'))).toEqual([`JSON (document 1, line ${text.split('\n').findIndex((l) => l.includes('"oops"')) + 1}): not a Kubernetes object (it is not a mapping; expected apiVersion, kind, metadata)`]);
  });
});

describe('anything else is read whole, with the same result', () => {
  it('compact JSON, and a List that is not alone in the text', () => {
    expect(streamed(JSON.stringify({ apiVersion: 'v1', kind: 'List', items: ITEMS }))).toBe(false);
    expect(streamed(`${kubectl(ITEMS)}\n${kubectl(ITEMS)}`)).toBe(false);
  });

  it('an item that breaks the layout half way is read again whole (its model, or its syntax error, located)', () => {
    const text = kubectl(ITEMS);
    // The last item's closing brace moved to the end of the line before: the layout breaks after most items were read.
    const last = text.lastIndexOf('\n        }');
    const odd = `${text.slice(0, last)} }${text.slice(last + '\n        }'.length)}`;
    expect(streamed(odd)).toBe(true);
    expect(shape(loadScenario(odd, 'lab'))).toEqual(shape(loadScenario(LAB, 'lab')));
    // An extra brace neither JSON nor YAML's flow style reads: the syntax error, found reading whole.
    const broken = `${text.slice(0, last)}\n        }}${text.slice(last)}`;
    expect(errors(loadScenario(broken, 'lab'))[0]).toMatch(/^JSON \(document 1, line \d+, column \d+\): /);
  });
});
