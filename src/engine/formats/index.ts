/** The output formats: pure functions from Datapath, Trace and map tables to the text real tools print. */
export { tabwrite, CILIUM_TABLE, type TabwriterOptions } from './tabwriter.ts';
export { runCiliumCommand, CILIUM_COMMANDS, type CiliumResult } from './cilium/dispatch.ts';
export { hubbleFlows, hubbleLines, hubbleObserve, parseObserveArgs, compactLine, jsonLine, filterFlows } from './hubble.ts';
export type { FlowFilter, HubbleFlow, ObserveOptions } from './hubble.ts';
export { traceText, packetText, type TextOptions } from './text.ts';
export { traceJson } from './json.ts';
