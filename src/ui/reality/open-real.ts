/**
 * Opening what a real cluster gave: a cilium-sysdump zip (the worker unzips
 * it and loads its objects; what else it held comes back with the load) and
 * a file of Hubble flows. Pure of React: the dialog and the panel call these.
 */
import { readHubbleFlows } from '../../engine/index.ts';
import { issueMessage, translate, type Lang } from '../../i18n/index.ts';
import { sizeText } from '../scenario/load-percent.ts';
import { MAX_SCENARIO_BYTES } from '../../scenario/decode.ts';
import { realityStore } from '../../state/reality.ts';
import type { SysdumpLoaded } from '../../worker/protocol.ts';
import type { Services } from '../app/context.tsx';

/** After a sysdump's objects loaded (the worker unzipped it): its report and agents' differences, its Hubble flows listed. */
export function showSysdump(sysdump: SysdumpLoaded): void {
  realityStore.setState({ sysdump, open: true, chosen: undefined, observed: undefined });
  const flows = sysdump.report.hubbleFlows[0];
  if (flows) openHubbleText(flows.path.slice(flows.path.lastIndexOf('/') + 1), flows.text);
}

export function openHubbleText(name: string, text: string): void {
  const read = readHubbleFlows(text);
  realityStore.setState({ hubble: { name, flows: read.flows, issues: read.issues }, chosen: undefined, observed: undefined, open: true });
}

/** Reads a Hubble flows file; what is wrong with it, said in `lang`, or undefined when it held flows. */
export async function openHubbleFile(file: File, lang: Lang): Promise<string | undefined> {
  if (file.size > MAX_SCENARIO_BYTES) {
    return translate(lang, 'scenario.fileTooBig', { name: file.name, size: sizeText(file.size), limit: sizeText(MAX_SCENARIO_BYTES) });
  }
  openHubbleText(file.name, await file.text());
  const read = realityStore.getState().hubble;
  if (!read || read.flows.length > 0) return undefined;
  const first = read.issues[0];
  const why = first ? issueMessage(lang, first) : translate(lang, 'reality.emptyFile');
  return translate(lang, 'reality.noFlows', { name: file.name, why });
}

/** Chooses a flow: the engine replays it, the player shows the model's trace at the matching hop. */
export async function chooseFlow(services: Services, index: number): Promise<void> {
  const flow = realityStore.getState().hubble?.flows[index];
  if (!flow) return;
  realityStore.setState({
    chosen: { index, result: undefined },
    observed: { node: flow.nodeName, point: flow.observationPoint, verdict: flow.verdict },
  });
  const result = await services.client.request({ type: 'replay', flow });
  if (realityStore.getState().chosen?.index !== index) return;
  realityStore.setState({ chosen: { index, result } });
  if (result.request) await services.actions.setFlow(result.request, result.matchedSeq ?? 0);
}
