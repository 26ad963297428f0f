// The fast reader must read exactly what the yaml package reads, or step aside (UNSUPPORTED).
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { generateCluster } from '../../bench/generate.ts';
import { readFastYaml, UNSUPPORTED } from '../../src/scenario/yaml-fast.ts';
import { splitYamlDocuments } from '../../src/scenario/yaml-split.ts';

/** yaml's reading of one document, or 'error'. */
function reference(doc: string): unknown {
  try {
    return parse(doc, { prettyErrors: false, logLevel: 'error' });
  } catch {
    return 'error';
  }
}

function agrees(doc: string): boolean {
  const fast = readFastYaml(doc);
  if (fast === UNSUPPORTED) return false;
  expect(fast, doc).toEqual(reference(doc));
  return true;
}

const dir = new URL('../../public/scenarios/', import.meta.url);

describe('readFastYaml', () => {
  it('reads every document of the built-in scenarios and of a generated cluster as yaml does', () => {
    const texts = readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => readFileSync(new URL(f, dir), 'utf8'));
    texts.push(generateCluster({ nodes: 13, pods: 1300, services: 26, seed: 3 }).yaml);
    let read = 0;
    let all = 0;
    for (const text of texts) {
      for (const chunk of splitYamlDocuments(text) ?? []) {
        all++;
        if (agrees(chunk.text)) read++;
      }
    }
    // The generated cluster is kubectl's shape: every document of it takes the fast path.
    expect(read / all).toBeGreaterThan(0.95);
  }, 60_000);

  it('reads literal blocks, nested sequences, quoted keys and values, comments and core-schema scalars', () => {
    const doc = [
      '--- # a comment',
      'a: |',
      '  line one',
      '    indented # not a comment',
      '',
      '  after a blank',
      '',
      'b: |-',
      '  kept',
      'c:',
      '- - x',
      '  - y',
      '- "q: \\"w\\" \\u00e9"',
      "- 'it''s'",
      '"quoted key": 1 # one',
      'n: [ ]'.replace('[ ]', '[]'),
      'm: {}',
      'nums: [1]'.replace('[1]', ''),
      '- 0x1F',
      '- 0o17',
      '- -1.5e3',
      '- .inf',
      '- 007',
      '- ~',
      '- True',
      '- "True"',
      '- 10.0.0.0/24',
      'empty:',
      'url: http://x:80/a#b',
    ].join('\n');
    expect(agrees(doc)).toBe(true);
  });

  it('steps aside for anchors, tags, flow collections, folded and multi-line scalars, duplicate keys, tabs', () => {
    for (const doc of ['a: &x 1\nb: *x', 'a: !!str 1', 'a: [1, [2]]', 'a: {b: 1}', 'a: [x y]', 'a: [1,]', 'a: [a: 1]', 'a: >\n  folded', 'a: one\n  two', 'a: 1\na: 2', 'a:\t1', "a: 'open", '1: x', 'a: b: c']) {
      expect(readFastYaml(doc), doc).toBe(UNSUPPORTED);
    }
  });

  it('reads one-line flow sequences of scalars (a container\'s command) as yaml does', () => {
    for (const doc of ['command: ["tail"]', 'args: ["-f", "/dev/null"]  # two', "a: ['it''s', x, 1, 0x1F, null, true]", 'a: [ "sleep" ,infinity ]', '- [a, b]\n- ["c"]']) {
      expect(agrees(doc), doc).toBe(true);
    }
    const item = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constantFrom('a b', 'x: y', '#', ',', ']', '-f', '~'));
    const plainOrQuoted = (v: unknown) => fc.constantFrom(JSON.stringify(v), typeof v === 'string' ? `'${v.replace(/'/g, "''")}'` : String(v), String(v));
    fc.assert(
      fc.property(fc.array(item, { maxLength: 5 }).chain((vs) => fc.tuple(...vs.map(plainOrQuoted))), fc.constantFrom(',', ', ', ' , '), (parts, sep) => {
        const doc = `k: [${parts.join(sep)}]`;
        const fast = readFastYaml(doc);
        if (fast !== UNSUPPORTED) expect(fast, doc).toEqual(reference(doc));
      }),
      { numRuns: Number(process.env.FAST_RUNS ?? 1000) },
    );
  });

  it('agrees with yaml on any data yaml prints in block style, or steps aside', () => {
    const key = fc.oneof(fc.constantFrom('a', 'name', 'app.kubernetes.io/name', 'x y', '-k', 'true', '1', ''), fc.string({ maxLength: 6 }));
    const leaf = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null),
      fc.constantFrom('true', '1.0', '0x1', '~', 'a: b', '- x', '#c', 'a #b', 'line\nline\n', ' lead', 'trail ', "it's", '"q"', '{}', '[]'));
    const value = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(key, tie('v'), { maxKeys: 4 })),
    })).v;
    const style = fc.record({ indentSeq: fc.boolean(), indent: fc.constantFrom(2, 4), lineWidth: fc.constantFrom(0, 20, 80) });
    fc.assert(
      fc.property(fc.dictionary(key, value, { minKeys: 1, maxKeys: 5 }), style, (data, opts) => {
        const doc = stringify(data, opts);
        if (readFastYaml(doc) !== UNSUPPORTED) expect(readFastYaml(doc), doc).toEqual(reference(doc));
      }),
      { numRuns: Number(process.env.FAST_RUNS ?? 400) },
    );
  }, 120_000);

  it('never reads what yaml refuses: on YAML-ish text it agrees or steps aside', () => {
    const token = fc.constantFrom('a', 'b: ', ': ', '- ', '  ', '\n', '"', "'", '#', ' #', '|', '|-', '|+', '>', '1', '-1', '0o7', 'x: y', '{}', '[]', '---', '\\', 'true', '.5', '&a', '*a', '!t', '?', ':', '[', ']', ',', ', ');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 30 }), (tokens) => {
        const doc = tokens.join('');
        const fast = readFastYaml(doc);
        if (fast !== UNSUPPORTED) expect(fast, JSON.stringify(doc)).toEqual(reference(doc));
      }),
      { numRuns: Number(process.env.FAST_RUNS ?? 2000) },
    );
  }, 120_000);
});
