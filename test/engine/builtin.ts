/** Loads a built-in scenario from public/scenarios for Node-side tests. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { derive, type Datapath, type Settings } from '../../src/engine/index.ts';
import { loadScenario } from '../../src/scenario/load.ts';

export function scenarioText(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../public/scenarios/${name}.yaml`, import.meta.url)), 'utf8');
}

export function loadBuiltin(name: string, settings?: Settings): Datapath {
  const r = loadScenario(scenarioText(name), name);
  if (!r.ok) throw new Error(`${name} does not load: ${r.errors.map((e) => e.message).join('; ')}`);
  return derive(r.model, settings);
}
