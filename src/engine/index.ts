/**
 * The engine's one public surface: the worker, the state, the page, the CLI
 * and the bench import the engine from here and nowhere else (a test in
 * test/architecture.test.ts holds that), so there is exactly one engine and
 * its inside can move freely. Unit tests beside the code may reach inside.
 */
// Derive the datapath and walk a flow through it.
export { derive, SettingsError, agentStartError } from './derive/index.ts';
export type { DeriveProgress, OnDeriveProgress } from './derive/progress.ts';
export { traceFlow } from './flow/trace.ts';
export { FlowError, type FlowRequest, type Settings } from './request.ts';
export { MODE_PRESETS, type ModePreset } from './modes.ts';
export { parseSettingsPairs, parseSettingsSpec, settingsPairsText, type SettingsParse } from './settings-pairs.ts';
export type * from './trace.ts';
export { hopDirection, hopPacketId } from './trace.ts';
export type * from './derive/types.ts';
export { placeFields, podAt, stackAt, tcAt } from './place.ts';
// Words: message ids the page and the CLI render from src/i18n.
export {
  MESSAGE_PARAMS, dropReason, message, type Message, type MessageId, type Param, type ParamsOf, type Say,
} from './messages.ts';
// Maps: the agent's tables, and the replay of a trace's map operations over them.
export { tablesAt, initialTables } from './runtime/tables.ts';
export { replayTables, rowKeyText, rowOfOp, tableRows } from './maps/replay.ts';
export type { MapRow, MapTables, MapWords, TableRows } from './maps/rows.ts';
export { policyRows } from './policy/index.ts';
export { initialWords, policyValueCilium } from './policy/index.ts';
// Two traces side by side.
export { compareTraces, packetGroups, type TraceComparison, type AlignedRow, type HopDiff, type TraceDifferences } from './compare.ts';
// What real tools print: the cilium CLI, hubble observe, tcpdump, and the CLI's own formats.
export { runCiliumCommand, runCiliumView, CILIUM_COMMANDS, type CiliumResult } from './formats/cilium/dispatch.ts';
export { ciliumViewWords, nodeAliasIndex, parseCiliumArgs, type CiliumView } from './formats/cilium/view.ts';
export {
  hubbleLines, hubbleObserve, parseObserveArgs, OBSERVE_FLAGS,
  type FlowFilter, type HubbleFlow, type ObserveOptions, type ObservedLine,
} from './formats/hubble.ts';
export { traceText, packetText, type TextOptions } from './formats/text.ts';
export { traceJson } from './formats/json.ts';
export { compareText } from './formats/compare.ts';
export { capture } from './capture/capture.ts';
// What a node's and a pod's own tools print (`flowlab exec`, the page's ssh / kubectl exec).
export { runExec, resolveExecTarget, EXEC_COMMANDS, type ExecResult, type ExecTarget } from './formats/node/exec.ts';
export { captureIface, resolveCaptureTarget, type CaptureTarget } from './capture/target.ts';
export { tcpdumpLine, tcpdumpLines, tcpdumpText } from './capture/tcpdump.ts';
export { straceLines } from './capture/strace.ts';
// The seeded generator, for the bench's generated clusters.
export { createRng, type Rng } from './util/rng.ts';
// A real cluster against the model: a sysdump's agent tables (issue #9).
export { compareAgents, compareAgentTables, AGENT_TABLES, type AgentCapture, type AgentResult, type AgentComparison, type AgentTable, type TableComparison } from './reality/compare-agent.ts';
export { bpfIpcacheList } from './formats/cilium/bpf-ipcache-list.ts';
// Real Hubble flows: read `hubble observe -o jsonpb` lines, replay one against the model (issue #9).
export { readHubbleFlows, type ObservedFlow, type ObservedEndpoint, type FlowsRead, type FlowsIssue } from './formats/hubble/read-flows.ts';
export { replayFlow, requestOf, type ReplayResult, type ReplayAspect } from './reality/replay.ts';
export { jsonLine as hubbleJsonpbLine } from './formats/hubble/json.ts';
