/** Cilium's control-plane dumps (test/fixtures/controlplane) as one scenario, with the driver's agent options. */
import { readFileSync } from 'node:fs';
import { loadScenario } from '../../src/scenario/load.ts';
import type { ClusterModel } from '../../src/scenario/model.ts';

export const readFixture = (dir: string, file: string) =>
  readFileSync(new URL(`../fixtures/controlplane/${dir}/${file}`, import.meta.url), 'utf8');

/** The driver's DaemonConfig changes, as the cilium-config keys that set them. */
export function configMap(options: Record<string, string>): string {
  const data = Object.entries(options).map(([k, v]) => `  ${k}: "${v}"`).join('\n');
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\n  namespace: kube-system\ndata:\n${data}\n`;
}

/** init.yaml, then each state in order (later objects update earlier ones), then the options. */
export function loadDumps(dir: string, states: string[], options: Record<string, string>): ClusterModel {
  const docs = [readFixture(dir, 'init.yaml'), ...states.map((s) => readFixture(dir, s)), configMap(options)];
  const r = loadScenario(docs.join('---\n'), dir);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.model;
}
