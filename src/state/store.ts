/**
 * One zustand store built from typed slices (STYLE: zustand slices pattern).
 * It is a vanilla store so Node tests and the worker-free parts run it without
 * React; components read it with selectors (`useApp`), and the packet
 * animation reads the cursor through `subscribe` into refs.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { FlowRequest, Settings, AlignedRow, Trace, Message, TraceDifferences } from '../engine/index.ts';
import { DEFAULT_SCENARIO } from '../scenario/builtin.ts';
import type { ScenarioIssue } from '../scenario/model.ts';
import type { LoadProgress, ProgressStage, RequestType } from '../worker/protocol.ts';
import type { ScenarioSummary } from '../worker/summary.ts';
import type { Lang } from '../i18n/index.ts';
import type { Alternative, Question } from './predict/choices.ts';

export type Theme = 'light' | 'dark';
export type MapTab = 'ipcache' | 'endpoints' | 'services' | 'reverse_sk' | 'conntrack' | 'nat' | 'policy' | 'tunnel';
export type ViewTab = 'events' | 'hubble' | 'tcpdump' | 'strace' | 'terminal';

export interface ScenarioSlice {
  /** Name of the loaded scenario (built-in file name without .yaml, or the pasted one's). */
  scenarioName: string;
  summary: ScenarioSummary | undefined;
  /** Located errors of the last scenario that failed to load (the loaded one stays). */
  loadErrors: ScenarioIssue[];
  /** What the person pasted or opened last, kept so a broken paste is not lost. */
  draftText: string;
  /** A sentence the page shows about the engine (restarted worker, failed load). */
  notice: string | undefined;
  busy: boolean;
  /** The engine's last progress report (the worker pushes it while it loads). */
  engineStage: ProgressStage | undefined;
  /** A request running past the client's watchdog limit (worker/client.ts): shown with Cancel. */
  stalled: { request: RequestType; since: number } | undefined;
  /** Where the current load is (bytes, objects, phase), for the progress bar; undefined when none runs. */
  loadProgress: LoadProgress | undefined;
}

export interface SettingsSlice {
  /** cilium-config overrides in force. */
  settings: Settings;
  /** Settings the agent refused (SettingsError) and why; the previous ones stay in force. */
  /** `message`: the agent's words (rendered in the page's language), or a plain text. */
  settingsError: { message: Message | string; settings: Settings } | undefined;
}

export interface TraceSlice {
  flow: FlowRequest;
  trace: Trace | undefined;
  /** Why the flow cannot be traced: an engine message (FlowError) or a plain text. */
  traceError: { message: Message | string; known: string[] } | undefined;
  /** The player cursor: index of the current event. */
  step: number;
  playing: boolean;
  /** Hops per second. */
  speed: number;
}

export interface SelectionSlice {
  /** Node whose maps the panel shows; undefined = the node of the current hop. */
  panelNode: string | undefined;
  /** `node/iface` for the tcpdump view; undefined = the client's eth0. */
  tcpdumpAt: string | undefined;
  /** Index of the event the inspector shows when it is not the current one (hover). */
  mapTab: MapTab;
  /** Endpoint id whose cilium_policy rows the policy tab shows; undefined = the current hop's. */
  policyEndpoint: number | undefined;
}

/** Side B of the compare view: the same flow under `settings`, aligned with side A's trace. */
export interface CompareState {
  /** What the person chose, as the URL carries it: a mode preset id or `key:value,...`. */
  spec: string;
  /** Side B's full overrides: A's settings with the spec's on top. */
  settings: Settings;
  trace: Trace | undefined;
  summary: ScenarioSummary | undefined;
  rows: AlignedRow[];
  hopsA: number;
  hopsB: number;
  differing: number;
  /** What really differs between the two paths (the header's sentences). */
  differences: TraceDifferences;
  /** Why side B could not be traced (the agent refuses the settings, an unknown name). */
  error: Message | string | undefined;
}

export interface CompareSlice {
  compare: CompareState | undefined;
  /** The shared cursor in compare mode: index into compare.rows (`step` follows side A). */
  row: number;
}

export interface ViewSlice {
  theme: Theme;
  presenter: boolean;
  lang: Lang;
  viewTab: ViewTab;
  /** The legend of the drawing's shapes, colours and badges is open (? key, button). */
  legend: boolean;
  /** A pod or node clicked in the drawing as the next flow's source; the next click picks the destination. */
  pick: string | undefined;
}

/** Predict the next hop (?predict=1): the next hop stays hidden until the class has answered. */
export interface PredictSlice {
  predict: boolean;
  /** The flow traced under the other configurations, for the trace whose key (predict/load.ts) it names. */
  predictAlts: { key: string; alts: Alternative[] } | undefined;
  /** The open question (about hop `question.hop`; the cursor stands on the hop before), the pick, the reveal. */
  predictAsk: { question: Question; picked: number | undefined; revealed: boolean } | undefined;
  /** A hop shown without a question because every other configuration does the same there. */
  predictSkipped: number | undefined;
  /** Answers by score key (the active lesson's id, else the flow): question (predict/player.ts questionKey) → answered right. */
  predictScore: Record<string, Record<string, boolean>>;
}

/** The lesson being walked (issue #7): its id, the stop shown (0-based) and how many stops it has. */
export interface LessonSlice {
  lesson: { id: string; stop: number; stops: number } | undefined;
  /** A command the lesson's stop put in the terminal (the Terminal runs it once). */
  terminalCommand: { line: string; n: number } | undefined;
  /** The printable handout of the lesson (`handout=1`). */
  handout: boolean;
}

/**
 * Evidence a lesson stop (or a person) asks to be shown beside the hop's own
 * (src/state/evidence.ts sets it): a map tab and rows on a node, tcpdump on a
 * target, Hubble, a terminal command. Undefined: the page shows the hop's own
 * evidence (the rows it read or wrote, its strace and tcpdump lines).
 */
export interface EvidenceRequest {
  /** Map tab to open; `rows` are keys to light and scroll to (besides the hop's own); `node` whose maps. */
  map?: { tab: MapTab; rows?: string[]; node?: string };
  /** tcpdump target as the store keeps it (`node/iface`, or `node/eth0@namespace/pod`). */
  tcpdump?: string;
  /** Which view tab the views pane shows (hubble, strace, terminal, ...). */
  view?: ViewTab;
  /** A terminal command to show in the terminal (typed into its line, ready to run). */
  command?: string;
}

export interface EvidenceSlice {
  evidence: EvidenceRequest | undefined;
  /** Bumped to bring the lit map rows into view (the P key, showEvidence): the map panel scrolls to them. */
  reveal: number;
}

export type AppState = ScenarioSlice & SettingsSlice & TraceSlice & SelectionSlice & CompareSlice & ViewSlice & PredictSlice & LessonSlice
  & EvidenceSlice;
export type AppStore = StoreApi<AppState>;

export const DEFAULT_FLOW: FlowRequest = { from: 'netpod', to: 'webpod1', proto: 'icmp' };
export const SPEEDS = [0.5, 1, 2, 4] as const;

export function initialState(over: Partial<AppState> = {}): AppState {
  return {
    scenarioName: DEFAULT_SCENARIO,
    summary: undefined,
    loadErrors: [],
    draftText: '',
    notice: undefined,
    busy: false,
    engineStage: undefined,
    stalled: undefined,
    loadProgress: undefined,
    settings: {},
    settingsError: undefined,
    flow: DEFAULT_FLOW,
    trace: undefined,
    traceError: undefined,
    step: 0,
    playing: false,
    speed: 1,
    panelNode: undefined,
    tcpdumpAt: undefined,
    mapTab: 'ipcache',
    policyEndpoint: undefined,
    compare: undefined,
    row: 0,
    theme: 'dark',
    presenter: false,
    lang: 'en',
    viewTab: 'events',
    legend: false,
    pick: undefined,
    predict: false,
    predictAlts: undefined,
    predictAsk: undefined,
    predictSkipped: undefined,
    predictScore: {},
    lesson: undefined,
    terminalCommand: undefined,
    handout: false,
    evidence: undefined,
    reveal: 0,
    ...over,
  };
}

export function createAppStore(over: Partial<AppState> = {}): AppStore {
  return createStore<AppState>()(() => initialState(over));
}
