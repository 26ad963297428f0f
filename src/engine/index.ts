/** The engine's entry points: one engine behind the worker, the CLI, the tests and the bench. */
export { derive, withSettings, SettingsError, agentStartError } from './derive/index.ts';
export { MODE_PRESETS, type ModePreset } from './modes.ts';
export { parseSettingsPairs, parseSettingsSpec, settingsPairsText, type SettingsParse } from './settings-pairs.ts';
export { traceFlow } from './flow/trace.ts';
export { tablesAt, initialTables } from './runtime/tables.ts';
export { FlowError } from './api.ts';
export { MESSAGE_PARAMS, dropReason, type Message, type MessageId, type Param, type ParamsOf, type Say } from './messages.ts';
export type { FlowRequest, Settings } from './api.ts';
export type * from './trace.ts';
export type * from './derive/types.ts';
export { compareTraces, hopSignature, type TraceComparison, type AlignedRow } from './compare.ts';
export { policyRows, endpointPolicy, policyEnforcement } from './policy/index.ts';
export * as formats from './formats/index.ts';
