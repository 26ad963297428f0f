/**
 * `flowlab sysdump ZIP [--set k=v] [--lang en|ko]`: what a cilium-sysdump zip
 * held (object files found and missing, what the loader ignored), and each
 * agent's captured tables against what the model derives for its node.
 * Any other command takes the same zip as `--scenario`.
 */
import { basename } from 'node:path';
import { compareAgents, derive, SettingsError, type AgentResult } from '../engine/index.ts';
import { LANGS, render, type Lang } from '../i18n/index.ts';
import { UserError } from './errors.ts';
import { parse, SCENARIO_OPTIONS, settingsOf } from './options.ts';
import { loadErrorLine, loadFile } from './scenario.ts';

export function sysdumpCommand(args: string[]): string {
  const [file, ...rest] = args;
  if (file === undefined || file.startsWith('-')) throw new UserError('sysdump: give a cilium-sysdump zip, e.g. `flowlab sysdump cilium-sysdump-20261130-101500.zip`');
  const { values } = parse(rest, { set: SCENARIO_OPTIONS.set, lang: { type: 'string' } }, 'sysdump');
  const lang = (values.lang ?? 'en') as Lang;
  if (!LANGS.includes(lang)) throw new UserError(`--lang must be one of ${LANGS.join(', ')}, not "${values.lang}"`);
  const loaded = loadFile(file);
  if (!loaded.ok) throw new UserError(loadErrorLine(loaded.path, loaded.errors));
  const report = loaded.sysdump;
  if (!report) throw new UserError(`sysdump: ${basename(file)} is not a zip; \`flowlab validate\` reads YAML and JSON scenarios`);
  let dp;
  try {
    dp = derive(loaded.model, settingsOf(values.set));
  } catch (err) {
    if (err instanceof SettingsError) throw new UserError(err.message);
    throw err;
  }
  const out: string[] = [`${report.zip}: ${loaded.model.nodes.length} nodes, ${loaded.model.pods.length} pods, ${loaded.model.services.length} services`];
  out.push('Found:');
  for (const f of report.found) out.push(`  ${basename(f.path)}  ${f.holds}: ${f.objects}`);
  out.push(report.missing.length ? 'Missing:' : 'Missing: none');
  for (const m of report.missing) out.push(`  ${m}`);
  if (loaded.model.ignored.length) out.push(`Ignored: ${loaded.model.ignored.length} objects (flowlab validate lists them)`);
  for (const w of loaded.model.warnings) out.push(`Warning: ${w.message}`);
  if (report.hubbleFlows.length) out.push(`Hubble flows: ${report.hubbleFlows.map((h) => basename(h.path)).join(', ')}`);
  out.push(...agentLines(compareAgents(dp, report.agents), lang));
  return `${out.join('\n')}\n`;
}

function agentLines(results: readonly AgentResult[], lang: Lang): string[] {
  if (results.length === 0) return ['Agents: no cilium-bugtool output in this zip (sysdump --quick leaves it out)'];
  const out: string[] = [];
  for (const r of results) {
    if (!r.node) {
      out.push(`Agent ${r.pod}: its pod is not in k8s-pods, so its node is unknown; not compared`);
      continue;
    }
    out.push(`Agent ${r.pod} on ${r.node}:`);
    for (const t of r.comparison.tables) {
      if (t.error) {
        out.push(`  ${t.command}: cannot read it (${t.error})`);
        continue;
      }
      const n = t.differences.length;
      out.push(`  ${t.command}: ${t.clusterRows} rows in the cluster, ${t.modelRows} in the model, ${n === 0 ? 'no differences' : `${n} difference${n === 1 ? '' : 's'}`}`);
      for (const d of t.differences) out.push(`    ${render(lang, d)}`);
    }
  }
  return out;
}
