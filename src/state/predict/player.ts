/**
 * Predict mode's stepping: → (and Enter, Space, PageDown/N) on a hop first
 * asks about the next one, then reveals the answer, then shows the hop;
 * 1-4 pick a choice. Outside predict mode (or in the compare view) the
 * keys step as usual. Pure store updates, tested in Node.
 */
import { cursorOf, lastCursor, moveTo, setCursor, stepBack, stepForward } from '../player.ts';
import { settingsPairsText } from '../../engine/index.ts';
import type { AppState, AppStore } from '../store.ts';
import { predictQuestion } from './choices.ts';

/** The active lesson's id (score is kept per lesson). */
export function activeLessonId(s: Pick<AppState, 'lesson'>): string | undefined {
  return s.lesson?.id;
}

/** Where answers are counted: the active lesson, else the scenario and flow. */
export function scoreKey(s: AppState): string {
  const lesson = activeLessonId(s);
  if (lesson) return `lesson:${lesson}`;
  const f = s.flow;
  return `flow:${s.scenarioName}:${f.from}>${f.to}/${f.proto}${f.port === undefined ? '' : `:${f.port}`}`;
}

/**
 * One question's place in a score: the flow, the settings and the hop. A
 * lesson's score holds several stops (flows, settings), so the hop alone
 * would mix them; a question answered once is not asked again.
 */
export function questionKey(s: Pick<AppState, 'scenarioName' | 'flow' | 'settings'>, hop: number): string {
  const f = s.flow;
  return `${s.scenarioName}:${f.from}>${f.to}/${f.proto}${f.port === undefined ? '' : `:${f.port}`}|${settingsPairsText(s.settings)}|${hop}`;
}

/** Right answers and answered questions under the current score key ("3 of 5"). */
export function scoreOf(s: AppState): { right: number; answered: number } {
  const hops = Object.values(s.predictScore[scoreKey(s)] ?? {});
  return { right: hops.filter(Boolean).length, answered: hops.length };
}

/** The key the alternative traces were made for: the trace's flow (with its seed) and the settings. */
export function alternativesKey(s: Pick<AppState, 'scenarioName' | 'trace' | 'settings'>): string | undefined {
  if (!s.trace) return undefined;
  return JSON.stringify([s.scenarioName, s.trace.flow, Object.entries(s.settings).sort(([a], [b]) => a.localeCompare(b))]);
}

/** Predict mode applies to the one-trace view. */
export const predicting = (s: AppState): boolean => s.predict && s.compare === undefined && s.trace !== undefined;

/** The alternatives are for this trace (still loading: undefined). */
export function readyAlternatives(s: AppState) {
  const key = alternativesKey(s);
  return key !== undefined && s.predictAlts?.key === key ? s.predictAlts.alts : undefined;
}

/** Reveals the open question; a picked choice is scored (a reveal without a pick is not). */
export function reveal(store: AppStore): void {
  store.setState((s) => {
    const ask = s.predictAsk;
    if (!ask || ask.revealed) return {};
    const choice = ask.picked === undefined ? undefined : ask.question.choices[ask.picked];
    if (!choice) return { predictAsk: { ...ask, revealed: true } };
    const key = scoreKey(s);
    const predictScore = { ...s.predictScore, [key]: { ...s.predictScore[key], [questionKey(s, ask.question.hop)]: choice.right } };
    return { predictAsk: { ...ask, revealed: true }, predictScore };
  });
}

/** Picks choice `i` (0-based) of the open question, before the reveal. */
export function pickChoice(store: AppStore, i: number): void {
  store.setState((s) => {
    const ask = s.predictAsk;
    if (!ask || ask.revealed || i < 0 || i >= ask.question.choices.length) return {};
    return { predictAsk: { ...ask, picked: i } };
  });
}

/**
 * The next thing predict mode shows: the question about the next hop, its
 * reveal, then the hop. A hop no other configuration does differently is
 * shown at once (predictSkipped says so); one answered before is not asked again.
 */
export function predictForward(store: AppStore): void {
  const s = store.getState();
  if (!predicting(s)) return stepForward(store);
  const ask = s.predictAsk;
  if (ask && !ask.revealed) return reveal(store);
  if (ask) {
    store.setState({ ...moveTo(s, ask.question.hop), predictAsk: undefined, predictSkipped: undefined, playing: false });
    return;
  }
  const hop = cursorOf(s) + 1;
  if (!s.trace || hop > lastCursor(s)) return;
  if (s.predictScore[scoreKey(s)]?.[questionKey(s, hop)] !== undefined) {
    store.setState({ ...moveTo(s, hop), predictSkipped: undefined, playing: false });
    return;
  }
  const alts = readyAlternatives(s);
  // Still tracing the other configurations: the panel says so; the next press asks.
  if (!alts) return;
  const question = predictQuestion(s.trace, alts, hop, s.trace.flow.seed);
  if (!question) {
    store.setState({ ...moveTo(s, hop), predictSkipped: hop, playing: false });
    return;
  }
  store.setState({ predictAsk: { question, picked: undefined, revealed: false }, predictSkipped: undefined, playing: false });
}

/** ← closes an open question (the class stays on the hop it was asked from); otherwise `back`. */
export function predictBack(store: AppStore, back: (store: AppStore) => void = stepBack): void {
  if (store.getState().predictAsk) store.setState({ predictAsk: undefined });
  else back(store);
}

/** Wraps a "next" key: predict's next step in predict mode, else `f`. */
export const orPredict = (f: (store: AppStore) => void) => (store: AppStore): void =>
  predicting(store.getState()) ? predictForward(store) : f(store);

/**
 * Wraps the clicker's "next stop" (PageDown, N). Inside a lesson a teacher
 * walks stops, not hops: an open question is revealed first, and the press
 * after the reveal goes on to the next stop (never hop by hop through the
 * stop's flow); with nothing asked it is the next stop. → still asks about
 * each hop. Outside a lesson it is predict's "next" like →.
 */
export const orPredictStop = (f: (store: AppStore) => void) => (store: AppStore): void => {
  const s = store.getState();
  if (!s.lesson || !predicting(s)) return orPredict(f)(store);
  if (s.predictAsk && !s.predictAsk.revealed) return reveal(store);
  if (s.predictAsk) store.setState({ predictAsk: undefined });
  f(store);
};

/** Wraps a "previous" key: in predict mode it first closes an open question. */
export const orPredictBack = (f: (store: AppStore) => void) => (store: AppStore): void =>
  predicting(store.getState()) ? predictBack(store, f) : f(store);

export function togglePredict(store: AppStore): void {
  store.setState((s) => ({ predict: !s.predict, predictAsk: undefined, predictSkipped: undefined, playing: false }));
}

/**
 * Wraps a key that would jump ahead (End): in predict mode the hops ahead stay hidden until the class
 * answers, so it does nothing there.
 */
export const unlessPredicting = (f: (store: AppStore) => void) => (store: AppStore): void => {
  if (!predicting(store.getState())) f(store);
};

/**
 * The scrubber: in predict mode it goes back freely but never ahead of the hop on screen (dragging ahead
 * would show hops nobody predicted yet); elsewhere any hop.
 */
export function seek(store: AppStore, n: number): void {
  const s = store.getState();
  setCursor(store, predicting(s) ? Math.min(n, cursorOf(s)) : n);
}
