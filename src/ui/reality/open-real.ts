/**
 * Opening what a real cluster gave: a cilium-sysdump zip (its objects become
 * the scenario text; its report waits for the load) and a file of Hubble
 * flows. Pure of React: the dialog and the panel call these.
 */
import { readHubbleFlows, type AgentCapture } from '../../engine/index.ts';
import { MAX_SCENARIO_BYTES } from '../../scenario/decode.ts';
import type { ScenarioIssue } from '../../scenario/model.ts';
import { isZip, locate, readSysdump, type SysdumpReport } from '../../scenario/sysdump/index.ts';
import { realityStore } from '../../state/reality.ts';
import type { Services } from '../app/context.tsx';

export interface PendingSysdump {
  text: string;
  report: SysdumpReport;
  files: { path: string; firstLine: number }[];
}

/** A picked file's bytes as a sysdump, or undefined when it is not a zip. */
export function sysdumpOf(name: string, bytes: Uint8Array): { ok: true; pending: PendingSysdump } | { ok: false; issue: ScenarioIssue } | undefined {
  if (!isZip(bytes)) return undefined;
  const read = readSysdump(bytes, name);
  if (!read.ok) return { ok: false, issue: { severity: 'error', message: read.error } };
  return { ok: true, pending: { text: read.text, report: read.report, files: read.files } };
}

/** After the sysdump's objects loaded: the agents' tables against the model, and its Hubble flows listed. */
export async function afterSysdumpLoad(services: Services, pending: PendingSysdump): Promise<void> {
  const captures: AgentCapture[] = pending.report.agents.map((a) => ({ pod: a.pod, tables: a.tables }));
  const agents = await services.client.request({ type: 'agents', captures });
  realityStore.setState({ sysdump: { report: pending.report, agents }, open: true, chosen: undefined, observed: undefined });
  const flows = pending.report.hubbleFlows[0];
  if (flows) openHubbleText(flows.path.slice(flows.path.lastIndexOf('/') + 1), flows.text);
}

/** The loader's errors located in the zip's own files. */
export function locateAll(errors: readonly ScenarioIssue[], pending: PendingSysdump): ScenarioIssue[] {
  return errors.map((e) => locate(e, pending.files));
}

export function openHubbleText(name: string, text: string): void {
  const read = readHubbleFlows(text);
  realityStore.setState({ hubble: { name, flows: read.flows, issues: read.issues }, chosen: undefined, observed: undefined, open: true });
}

export async function openHubbleFile(file: File): Promise<string | undefined> {
  if (file.size > MAX_SCENARIO_BYTES) return `${file.name} is ${file.size} bytes, more than the limit of ${MAX_SCENARIO_BYTES}`;
  openHubbleText(file.name, await file.text());
  const read = realityStore.getState().hubble;
  return read && read.flows.length === 0 ? `${file.name}: no Hubble flows (${read.issues[0]?.message ?? 'the file is empty'})` : undefined;
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
