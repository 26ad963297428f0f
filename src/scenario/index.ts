/** The scenario boundary: Kubernetes objects in, a typed ClusterModel out (DESIGN §3). */
export { loadScenario, loadDocuments, type ScenarioInput } from './load.ts';
export type { LoadPhase, LoadProgress, OnProgress } from './progress.ts';
export { applySettings, parseCiliumConfig, CILIUM_CONFIG_KEYS, type CiliumConfigKey } from './config.ts';
export { describeModel } from './describe.ts';
export { frontendSlots, SERVICE_IDS_ANNOTATION, type FrontendSlot } from './frontends.ts';
export { DEVICE_ANNOTATION, DEFAULT_DEVICE } from './kinds/node.ts';
export type { ClusterModel, LoadResult, ScenarioIssue } from './model.ts';
