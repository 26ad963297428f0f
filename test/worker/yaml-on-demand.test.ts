/**
 * The worker's `yaml` (src/worker/yaml-on-demand.ts, put in place of the
 * package by the worker's build): the built-in scenarios load without the
 * package, and a scenario that needs it is loaded again once it is fetched,
 * with the same answer the loader gives with the package at hand.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type * as Yaml from 'yaml';

// What the worker's build does (vite.config.ts): every `yaml` import of the loader gets the on-demand module.
vi.mock('yaml', async () => await import('../../src/worker/yaml-on-demand.ts'));

const { loadScenario } = await import('../../src/scenario/load.ts');
const onDemand = await import('../../src/worker/yaml-on-demand.ts');
const realYaml = () => vi.importActual<typeof Yaml>('yaml');

const dir = new URL('../../public/scenarios/', import.meta.url);
const src = new URL('../../src/scenario/', import.meta.url);

/** A ConfigMap (not one the agent reads) with an anchor and an alias: the fast reader steps aside, yaml reads it. */
const ANCHORED = (text: string) => `${text}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: anchored\n  namespace: default\n  labels: &l {app: anchored}\n  annotations: *l\n`;

describe('yaml on demand in the worker', () => {
  const builtins = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
  const withoutPackage = new Map<string, string>();

  // First, while the package is not fetched yet in this module.
  it('loads every built-in scenario without fetching the package, lines included', async () => {
    const load = vi.fn(realYaml);
    for (const file of builtins) {
      const text = readFileSync(new URL(file, dir), 'utf8');
      const reply = await onDemand.withYaml(async () => loadScenario(text, file), false, load);
      expect(reply.ok, file).toBe(true);
      if (reply.ok) withoutPackage.set(file, JSON.stringify(reply.model));
    }
    expect(load).not.toHaveBeenCalled();
    // three-zones lists ignored objects with their lines; kans-lab-policy's rules carry theirs.
    expect(withoutPackage.get('three-zones.yaml')).toMatch(/line \d+/);
  });

  it('fetches the package for YAML the fast reader steps aside from, and loads again with it', async () => {
    const text = ANCHORED(readFileSync(new URL('one-node.yaml', dir), 'utf8'));
    expect(() => loadScenario(text, 'anchored')).toThrow(onDemand.YamlNotLoaded);
    const load = vi.fn(realYaml);
    const attempt = vi.fn(async () => loadScenario(text, 'anchored'));
    const reply = await onDemand.withYaml(attempt, false, load);
    expect(load).toHaveBeenCalledTimes(1);
    expect(attempt).toHaveBeenCalledTimes(2);
    expect(reply.ok && reply.model.ignored.join('\n')).toMatch(/ConfigMap default\/anchored \(document 2, line \d+\)/);
    // From now on the package is at hand: nothing is fetched or run twice, and the lines are yaml's.
    const again = vi.fn(async () => loadScenario(readFileSync(new URL('three-zones.yaml', dir), 'utf8'), 'three-zones'));
    const zones = await onDemand.withYaml(again, false, load);
    expect(again).toHaveBeenCalledTimes(1);
    expect(load).toHaveBeenCalledTimes(1);
    expect(zones.ok && zones.model.ignored.join('\n')).toMatch(/line \d+/);
  });

  it('reads the built-in scenarios without the package as with it (the same model, the same lines)', async () => {
    for (const file of builtins) {
      const text = readFileSync(new URL(file, dir), 'utf8');
      // The package is here now (the test before fetched it): every call goes to it.
      const reply = await onDemand.withYaml(async () => loadScenario(text, file), false, realYaml);
      expect(reply.ok && JSON.stringify(reply.model), file).toBe(withoutPackage.get(file));
    }
  });

  it('offers every name src/scenario imports from yaml', () => {
    const files = (d: URL): URL[] => readdirSync(d, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(new URL(`${e.name}/`, d)) : e.name.endsWith('.ts') && !e.name.includes('.test.') ? [new URL(e.name, d)] : []);
    const names = files(src).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/import\s*\{([^}]*)\}\s*from\s*'yaml'/g)])
      .flatMap((m) => (m[1] ?? '').split(',').map((n) => n.trim()).filter((n) => n && !n.startsWith('type ')).map((n) => n.split(/\s+as\s+/)[0]));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(typeof (onDemand as Record<string, unknown>)[name ?? ''], name).toBe('function');
  });
});
