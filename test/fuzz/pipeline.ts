/**
 * The whole path a scenario takes, as one function the fuzzer calls: text →
 * load → derive → trace → every output format. It returns what a person
 * would see (the located errors, or the outputs), so two runs can be
 * compared for determinism, and throws only when something other than a
 * located user error escaped: that is the bug the fuzzer looks for.
 */
import {
  derive, FlowError, hubbleObserve, SettingsError, traceFlow, traceJson, traceText, type Datapath, type FlowProto, type Settings,
} from '../../src/engine/index.ts';
import { render } from '../../src/i18n/index.ts';
import { describeModel } from '../../src/scenario/describe.ts';
import { loadScenario } from '../../src/scenario/load.ts';

export interface CaseInput {
  text: string;
  settings: Settings;
  /** Picks the flows (indexes into the sources and destinations, modulo their counts). */
  flows: { from: number; to: number; proto: FlowProto; port: number; seed: number }[];
}

/** A bug, not a user error: the fuzzer reports it with the case. */
export class Escaped extends Error {
  override readonly name = 'Escaped';
}

const LOCATED = /\(document \d+, line \d+\)|line \d+/;
const say = (m: Parameters<typeof render>[1]) => render('en', m);

export function runCase(input: CaseInput): string {
  const loaded = loadScenario(input.text, 'fuzz');
  if (!loaded.ok) {
    for (const e of loaded.errors) {
      if (!LOCATED.test(e.message) && e.line === undefined) throw new Escaped(`an error without a location: ${e.message}`);
    }
    return `errors\n${loaded.errors.map((e) => e.message).join('\n')}`;
  }
  const out = [describeModel(loaded.model)];
  let dp: Datapath;
  try {
    dp = derive(loaded.model, input.settings);
  } catch (err) {
    // A --set the agent refuses names the --set; nothing else may throw here.
    if (err instanceof SettingsError && Object.keys(input.settings).length > 0 && err.message.startsWith('--set ')) {
      return `${out.join('\n')}\nsettings refused: ${err.message}`;
    }
    throw err;
  }
  const sources = [...dp.model.pods.filter((p) => p.podIP && !p.hostNetwork).map((p) => `${p.namespace}/${p.name}`), ...dp.nodes.map((n) => n.name)];
  const dests = [...sources, ...dp.model.services.filter((s) => s.clusterIP).map((s) => `${s.namespace}/${s.name}`), '8.8.8.8'];
  for (const f of input.flows) {
    const from = sources[f.from % Math.max(sources.length, 1)] ?? 'nobody';
    const to = dests[f.to % dests.length] ?? '8.8.8.8';
    const req = { from, to, proto: f.proto, seed: f.seed, ...(f.proto === 'icmp' ? {} : { port: f.port }) };
    try {
      const trace = traceFlow(dp, req);
      out.push(traceText(trace, { explain: true, say }), traceJson(trace, say), hubbleObserve(dp, trace), hubbleObserve(dp, trace, { output: 'json' }));
    } catch (err) {
      if (err instanceof FlowError) out.push(`flow error ${err.id} ${JSON.stringify(err.params)}`);
      else throw err;
    }
  }
  return out.join('\n');
}
