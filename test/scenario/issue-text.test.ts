// Every load problem carries its words (issue-text.ts) beside its English line, and the catalogs render them:
// English from src/i18n is byte for byte the line the CLI prints; Korean is a sentence of its own around what
// the person wrote (values, names, field paths stay as written), with the particles the word before needs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readHubbleFlows } from '../../src/engine/index.ts';
import { readPrintedTable } from '../../src/engine/reality/printed-table.ts';
import { issueMessage, render } from '../../src/i18n/index.ts';
import { applySettings } from '../../src/scenario/config.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import type { ScenarioIssue } from '../../src/scenario/model.ts';
import { locate } from '../../src/scenario/sysdump/read.ts';
import { BROKEN_DOCS } from './broken-docs.ts';
import { english, literal, SCENARIO_MESSAGE_PARAMS, type IssueText, type ScenarioMessageId } from '../../src/scenario/issue-text.ts';

const scenario = (name: string) => readFileSync(new URL(`../../public/scenarios/${name}.yaml`, import.meta.url), 'utf8');

/** Every issue a load gives, errors and warnings. */
function issuesOf(text: string): ScenarioIssue[] {
  const r = loadScenario(text, 'broken');
  return r.ok ? r.model.warnings : r.errors;
}

/**
 * Broken copies of a scenario: each value line's value replaced by something wrong for most fields (a bad
 * address, a list, a name with spaces, a negative number, nothing), and each line dropped.
 */
function* broken(text: string, every: number): Generator<string> {
  const lines = text.split('\n');
  const junk = ['"10.0.0.999"', '[1, 2]', '"Bad Name!"', '-5', '""', '{a: 1}', '"fe80::1"', '"10.0.0.0/99"'];
  for (let i = 0; i < lines.length; i += every) {
    const m = /^(\s*(?:- )?[\w./-]+:)\s*\S.*$/.exec(lines[i] ?? '');
    if (m) for (const v of junk) yield [...lines.slice(0, i), `${m[1]} ${v}`, ...lines.slice(i + 1)].join('\n');
    yield [...lines.slice(0, i), ...lines.slice(i + 1)].join('\n');
  }
}

function collect(): ScenarioIssue[] {
  const out = new Map<string, ScenarioIssue>();
  const add = (list: ScenarioIssue[]) => list.forEach((i) => out.set(`${i.text?.id ?? '?'} ${i.message}`, i));
  for (const text of broken(scenario('one-node'), 1)) add(issuesOf(text));
  const base = scenario('one-node');
  for (const doc of BROKEN_DOCS) add(issuesOf(`${base}\n---\n${doc}`));
  add(issuesOf(BROKEN_DOCS.join('\n---\n')));
  // Syntax and shape: YAML, JSON, not objects, no nodes, bytes that are not UTF-8.
  add(issuesOf('a: [1, 2\nb: c: d\n'));
  add(issuesOf('{"kind": "Pod", "metadata": {"name": "x"},}'));
  add(issuesOf('- 1\n---\nfoo: bar\n---\nkind: List\nitems: 5\n---\nkind: Pod\nmetadata: {}\n'));
  add(issuesOf('apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {nodeName: n}\n'));
  const r = loadScenario(new Uint8Array([0x61, 0x3a, 0x20, 0xc3, 0x28]), 'bytes');
  if (!r.ok) add(r.errors);
  const lab = loadScenario(scenario('kans-lab'), 'lab');
  if (lab.ok) {
    add(lab.model.warnings);
    const sets: Record<string, string>[] = [{ nope: '1' }, { 'routing-mode': 'bgp' }, { mtu: '12' }, { 'enable-bpf-masquerade': 'true', 'kube-proxy-replacement': 'false' },
      { 'kube-proxy-replacement': 'strict' }, { 'enable-ipv4-masquerade': 'maybe' }, { 'monitor-aggregation': 'loud' }];
    for (const settings of sets) {
      const s = applySettings(lab.model, settings);
      add(s.ok ? s.model.warnings : s.errors);
    }
  }
  return [...out.values()];
}

const ISSUES = collect();

describe('load problems in both languages', () => {
  it('come from many broken scenarios, each with its words', () => {
    expect(ISSUES.length).toBeGreaterThan(150);
    expect(ISSUES.filter((i) => i.text === undefined).map((i) => i.message)).toEqual([]);
    // The words name many different problems, not a few over and over.
    const ids = new Set<string>();
    const walk = (t: IssueText) => {
      ids.add(t.id);
      Object.values(t.params).forEach((v) => typeof v === 'object' && walk(v));
    };
    ISSUES.forEach((i) => i.text && walk(i.text));
    expect(ids.size).toBeGreaterThan(90);
  });

  it('render in English exactly as the English line the CLI prints', () => {
    const differ = ISSUES.filter((i) => i.text && render('en', i.text) !== i.message).map((i) => [i.message, render('en', i.text!)]);
    expect(differ).toEqual([]);
  });

  it('the catalogs\' English is the loader\'s English for every id, whatever the parameters', () => {
    for (const [id, names] of Object.entries(SCENARIO_MESSAGE_PARAMS) as [ScenarioMessageId, readonly string[]][]) {
      const t: IssueText = { id, params: Object.fromEntries(names.map((n, k) => [n, k % 2 ? `v${k}` : literal(`"x${k}"`)])) };
      expect([id, render('en', t)]).toEqual([id, english(t)]);
      expect([id, render('ko', t)]).not.toEqual([id, expect.stringMatching(/\{\w+\}/)]);
    }
  });

  it('render in Korean with every placeholder filled and what the person wrote kept as written', () => {
    for (const i of ISSUES) {
      const ko = issueMessage('ko', i);
      expect([i.message, ko]).not.toEqual([i.message, i.message.replace(/\d+/g, '')]);
      expect(ko, i.message).not.toMatch(/\{\w+\}|\{[가-힣]+\/[가-힣]+\}/);
      if (i.object && i.message.includes(i.object)) expect(ko, i.message).toContain(i.object.length > 160 ? i.object.slice(0, 157) : i.object);
      if (i.field && i.field.length <= 160 && i.message.includes(i.field)) expect(ko, i.message).toContain(i.field);
    }
  });

  it('say the sentence around the value in Korean, the value and the place as written', () => {
    const text = scenario('one-node').replace(/podIP: 10\.\S+/, 'podIP: "10.0.0.999"');
    const issue = issuesOf(text).find((i) => i.field === 'status.podIP');
    expect(issue?.message).toMatch(/^Pod default\/\S+, status\.podIP \(document \d+, line \d+\): "10\.0\.0\.999" is not an IPv4 address$/);
    expect(issueMessage('ko', issue!)).toMatch(/^Pod default\/\S+, status\.podIP \(문서 \d+, \d+행\): "10\.0\.0\.999"는 IPv4 주소가 아닙니다$/);
  });

  it('choose each particle by the word before it: a value, a name, a number', () => {
    const bad = (value: string) => issuesOf(scenario('one-node').replace(/nodeName: \S+/, `nodeName: ${value}`))
      .find((i) => i.field === 'spec.nodeName');
    // "node-b"는 (비: a vowel), "worker1"은 (일: ㄹ takes 은), "gpu-node"는 (드: a vowel), "pool"은 (풀).
    expect(issueMessage('ko', bad('node-b')!)).toContain('"node-b"는 시나리오에 있는 Node가 아닙니다');
    expect(issueMessage('ko', bad('worker1')!)).toContain('"worker1"은 시나리오에 있는 Node가 아닙니다');
    expect(issueMessage('ko', bad('pool')!)).toContain('"pool"은 시나리오에 있는 Node가 아닙니다');
    const dup = issuesOf(scenario('one-node').replace(/podIP: 10\.\S+/, 'podIP: 10.0.0.2'));
    expect(dup.map((i) => issueMessage('ko', i)).join('\n')).not.toMatch(/\{|은\(는\)|이\(가\)/);
  });

  it('locate in a sysdump zip: the file and its own line, in both languages', () => {
    const issue = issuesOf(scenario('one-node').replace(/podIP: 10\.\S+/, 'podIP: nope')).find((i) => i.field === 'status.podIP')!;
    const moved = locate(issue, [{ path: 'cilium-sysdump-x/k8s-pods-20241101.yaml', firstLine: 1 }, ...Array.from({ length: 20 }, () => ({ path: 'k8s-pods-20241101.yaml', firstLine: 1 }))]);
    expect(moved.message).toContain('(k8s-pods-20241101.yaml, line ');
    expect(render('en', moved.text!)).toBe(moved.message);
    expect(issueMessage('ko', moved)).toMatch(/\(k8s-pods-20241101\.yaml, \d+행\): "nope"는 IPv4 주소가 아닙니다$/);
  });

  it('a Hubble file\'s lines that are no flow, in both languages', () => {
    const lines = ['garbage', '[1]', '{"node_status": {}}', '{"hello": 1}', '{"flow": {"verdict": "FORWARDED"}}', '{"flow": {"IP": {"source": "10.0.0.1"}}}'];
    const read = readHubbleFlows(lines.join('\n'));
    expect(read.issues.map((i) => render('en', i.says))).toEqual(read.issues.map((i) => i.message));
    expect(read.issues.map((i) => issueMessage('ko', i))).toEqual([
      '1행: JSON이 아닙니다 (한 줄에 `hubble observe -o jsonpb` 응답 하나가 있어야 합니다)',
      '2행: JSON 오브젝트가 아닙니다',
      '3행: node_status 응답이며 플로우가 아니므로 건너뜁니다',
      '4행: Hubble 플로우가 아닙니다 ({"flow": {...}, "node_name": ..., "time": ...} 형식이어야 합니다)',
      '5행: 플로우에 IP가 없습니다 (L7 플로우이거나 IP가 아닌 플로우라 재생하지 않습니다)',
      '6행: IP.source와 IP.destination이 반드시 있어야 합니다',
    ]);
  });

  it('an agent table that cannot be read, in both languages', () => {
    const noHeader = readPrintedTable('garbage\n', ['IP PREFIX/ADDRESS', 'IDENTITY']);
    const noColumn = readPrintedTable('x\nIP PREFIX/ADDRESS   WHO\n', ['IP PREFIX/ADDRESS', 'IDENTITY']);
    if (noHeader.ok || noColumn.ok) throw new Error('read');
    expect([render('en', noHeader.says), render('en', noColumn.says)]).toEqual([noHeader.error, noColumn.error]);
    expect(render('ko', noHeader.says)).toBe('1행: 헤더 "IP PREFIX/ADDRESS  IDENTITY"가 있어야 합니다');
    expect(render('ko', noColumn.says)).toBe('2행: 헤더에 "IDENTITY" 열이 없습니다');
  });
});
