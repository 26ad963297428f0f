/**
 * A real cluster beside the model (issue #9): the last sysdump's report and
 * its agents' differences, the Hubble flows opened, the one chosen and how
 * it compares. Its own small store: nothing else in the page depends on it
 * except the topology's mark of where Hubble saw the chosen flow.
 */
import { createStore } from 'zustand/vanilla';
import type { AgentResult, FlowsIssue, ObservedFlow, ReplayResult } from '../engine/index.ts';
import type { SysdumpReport } from '../scenario/sysdump/index.ts';

export interface RealityState {
  sysdump: { report: SysdumpReport; agents: AgentResult[] } | undefined;
  hubble: { name: string; flows: ObservedFlow[]; issues: FlowsIssue[] } | undefined;
  /** The chosen flow (index into hubble.flows) and its comparison, once the engine answered. */
  chosen: { index: number; result: ReplayResult | undefined } | undefined;
  /** Where Hubble saw the chosen flow: the topology marks this node. */
  observed: { node: string; point: string | undefined; verdict: string } | undefined;
  /** The panel is open. */
  open: boolean;
}

export const realityStore = createStore<RealityState>(() => ({
  sysdump: undefined, hubble: undefined, chosen: undefined, observed: undefined, open: false,
}));
