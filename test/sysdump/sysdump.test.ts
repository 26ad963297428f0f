/** cilium-sysdump import (issue #9 point 4): the zip's objects as a scenario, its agents' tables against the model. */
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { compareAgents, derive } from '../../src/engine/index.ts';
import { MESSAGES_EN } from '../../src/i18n/messages-en.ts';
import { render } from '../../src/i18n/index.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { locate, readSysdump } from '../../src/scenario/sysdump/index.ts';
import { scenarioDatapath, sysdumpEntries, sysdumpZip, TS } from './make-sysdump.ts';

function load(zip: Uint8Array) {
  const read = readSysdump(zip, 'cilium-sysdump-x.zip');
  if (!read.ok) throw new Error(read.error);
  const r = loadScenario(read.text, 'x');
  if (!r.ok) throw new Error(locate(r.errors[0]!, read.files).message);
  return { read, model: r.model };
}

describe.each(['kans-lab', 'three-zones', 'kans-lab-policy'])('a sysdump of %s', (name) => {
  it('loads the same cluster as the scenario itself, typed lists and all', () => {
    const { read, model } = load(sysdumpZip(name));
    const direct = scenarioDatapath(name).model;
    expect(model.nodes.map((n) => n.name)).toEqual(direct.nodes.map((n) => n.name));
    expect(model.pods.map((p) => `${p.namespace}/${p.name}@${p.podIP}`)).toEqual(direct.pods.map((p) => `${p.namespace}/${p.name}@${p.podIP}`));
    expect(model.services.map((s) => s.name)).toEqual(direct.services.map((s) => s.name));
    expect(model.config).toEqual(direct.config);
    const found = read.report.found.map((f) => f.holds);
    expect(found).toContain('Node');
    expect(found).toContain('ConfigMap kube-system/cilium-config');
    // Every expected file is either found or listed missing, never both.
    expect(read.report.found.length + read.report.missing.length).toBe(9);
    expect(read.report.found.find((f) => f.holds === 'Node')?.objects).toBe(direct.nodes.length);
  });

  it('finds no difference when the agents printed what the model derives', () => {
    const { read, model } = load(sysdumpZip(name));
    const results = compareAgents(derive(model), read.report.agents);
    expect(results.length).toBe(model.nodes.length);
    for (const r of results) {
      expect(r.node).toBeDefined();
      const tables = r.node ? r.comparison.tables : [];
      expect(tables.map((t) => t.table)).toEqual(['ipcache', 'lb', 'endpoint']);
      for (const t of tables) {
        expect(t.error).toBeUndefined();
        expect(t.clusterRows).toBe(t.modelRows);
        expect(t.differences).toEqual([]);
      }
    }
  });
});

describe('differences between a real agent and the model', () => {
  it('lists a row missing on either side and an identity that differs, on the right node', () => {
    const zip = sysdumpZip('kans-lab', {
      bugtool: (node, table, text) => {
        if (node !== 'k8s-w1' || table !== 'ipcache') return text;
        const lines = text.split('\n');
        // Drop the first data row; renumber the identity of the second; add a row the model lacks.
        const [header, first, second, ...rest] = lines;
        const changed = (second ?? '').replace(/identity=\d+/, 'identity=99999');
        return [header, changed, ...rest.filter((l) => l !== ''), '10.99.0.1/32        identity=2 encryptkey=0 tunnelendpoint=0.0.0.0, flags=<none>', ''].join('\n')
          + `\n<!-- dropped: ${first} -->`;
      },
    });
    const { read, model } = load(zip);
    const results = compareAgents(derive(model), read.report.agents);
    const w1 = results.find((r) => r.node === 'k8s-w1');
    const ipcache = w1?.node ? w1.comparison.tables.find((t) => t.table === 'ipcache') : undefined;
    const said = (ipcache?.differences ?? []).map((m) => render('en', m));
    expect(said.some((s) => /is in the model .* but not in the cluster/.test(s))).toBe(true);
    expect(said.some((s) => /has identity 99999 in the cluster but \d+ in the model/.test(s))).toBe(true);
    expect(said.some((s) => s.startsWith('ipcache: 10.99.0.1/32 is in the cluster'))).toBe(true);
    // The other nodes agree.
    for (const r of results.filter((x) => x.node !== 'k8s-w1')) {
      expect(r.node && r.comparison.tables.flatMap((t) => t.differences)).toEqual([]);
    }
    expect(MESSAGES_EN['reality.identity']).toContain('{cluster}');
  });

  it('reads a Markdown-wrapped bugtool file (bugtool --enable-markdown) the same', () => {
    const zip = sysdumpZip('kans-lab', { bugtool: (_n, t, text) => `# cilium-dbg bpf ${t} list\n\n\`\`\`\n${text}\n\`\`\`\n` });
    const { read, model } = load(zip);
    const diffs = compareAgents(derive(model), read.report.agents).flatMap((r) => (r.node ? r.comparison.tables.flatMap((t) => t.differences) : []));
    expect(diffs).toEqual([]);
  });
});

describe('bad zips', () => {
  it('a truncated zip is one located line, not a crash', () => {
    const zip = sysdumpZip('kans-lab');
    const r = readSysdump(zip.subarray(0, Math.floor(zip.length / 2)), 'cilium-sysdump-x.zip');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatch(/^cilium-sysdump-x\.zip: not a readable zip \(.+\); is the file complete\?$/);
      expect(r.error).not.toContain('\n');
    }
  });

  it('a zip without Kubernetes objects says what it expected', () => {
    const zip = zipSync({ 'cilium-sysdump-x/logs-cilium-x.log': strToU8('hello\n') });
    const r = readSysdump(zip, 'x.zip');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^x\.zip: no Kubernetes objects in this zip \(expected .*k8s-nodes-<ts>\.yaml/);
  });

  it('an error inside one of the files names that file and its own line', () => {
    const entries = sysdumpEntries('kans-lab');
    const services = `k8s-services-${TS}.yaml`;
    entries[services] = (entries[services] ?? '').replace(/clusterIP: [\d.]+/, 'clusterIP: 10.96.0.999');
    const zip = zipSync(Object.fromEntries(Object.entries(entries).map(([p, t]) => [`top/${p}`, strToU8(t)])));
    const read = readSysdump(zip, 'x.zip');
    if (!read.ok) throw new Error(read.error);
    const r = loadScenario(read.text, 'x');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const located = locate(r.errors[0]!, read.files);
    expect(located.message).toContain(`${services}, line `);
    const line = Number(/line (\d+)/.exec(located.message)?.[1]);
    expect(entries[services]?.split('\n')[line - 1]).toContain('10.96.0.999');
  });

  it('reports missing object files', () => {
    const read = readSysdump(sysdumpZip('kans-lab', { without: ['CiliumEndpoint', 'Service'] }), 'x.zip');
    expect(read.ok && read.report.missing).toEqual(expect.arrayContaining([
      `ciliumendpoints-<ts>.yaml (CiliumEndpoint)`, `k8s-services-<ts>.yaml (Service)`,
    ]));
  });
});
