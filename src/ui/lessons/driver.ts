/**
 * The lesson driver: when the store's lesson or stop changes (the menu,
 * PageDown/PageUp, N/B, the URL), it opens that stop: the scenario, the
 * settings, the flow, the hop found by its selector, the compare view and
 * the evidence. A newer stop cancels an older one still loading.
 */
import type { Lesson, Stop } from '../../lessons/model.ts';
import { findHop } from '../../lessons/select.ts';
import { setStep } from '../../state/player.ts';
import type { AppStore } from '../../state/store.ts';
import type { Actions } from '../../state/actions.ts';
import { showEvidence as request } from '../../state/evidence.ts';
import { showEvidence } from './evidence.ts';

const sameSettings = (a: Record<string, string> | undefined, b: Record<string, string>) => {
  const ka = Object.keys(a ?? {});
  return ka.length === Object.keys(b).length && ka.every((k) => a?.[k] === b[k]);
};

export interface LessonDriver {
  /** Resolves when the stop on screen is the store's (tests and the handout wait on it). */
  ready(): Promise<void>;
  stop(): void;
}

export function startLessons(store: AppStore, actions: Actions, lessons: readonly Lesson[]): LessonDriver {
  let gen = 0;
  let opened = '';
  let pending: Promise<void> = Promise.resolve();
  /** Stops being opened: while one is, the view changes are the lesson's own. */
  let opening = 0;

  async function open(stop: Stop, mine: number): Promise<void> {
    opening++;
    try {
      await openStop(stop, mine);
    } finally {
      opening--;
    }
  }

  async function openStop(stop: Stop, mine: number): Promise<void> {
    const stale = () => mine !== gen;
    if (store.getState().scenarioName !== stop.scenario || !store.getState().summary) {
      if (!(await actions.loadBuiltin(stop.scenario)) || stale()) return;
    }
    if (!sameSettings(store.getState().summary?.settings, stop.settings)) {
      await actions.setSettings(stop.settings, { retrace: false });
      if (stale()) return;
    }
    if (store.getState().compare && !stop.compare) await actions.setCompare(undefined);
    await actions.setFlow({ ...stop.flow });
    if (stale()) return;
    const events = store.getState().trace?.events ?? [];
    setStep(store, findHop(events, stop.hop) ?? 0);
    if (stop.compare) await actions.setCompare(stop.compare);
    // Synchronously after the hop: the map panel does not follow the hop's tab while a request names one.
    if (!stale()) showEvidence(store, stop.evidence);
  }

  const unsubscribe = store.subscribe((s, prev) => {
    // A flow, scenario, settings or compare the person chose leaves the lesson: its caption would describe another view.
    if (s.lesson && prev.lesson && s.lesson.id === prev.lesson.id && s.lesson.stop === prev.lesson.stop && opening === 0 && (
      s.flow !== prev.flow || s.scenarioName !== prev.scenarioName || s.settings !== prev.settings || s.compare?.spec !== prev.compare?.spec
    )) {
      store.setState({ lesson: undefined });
      return;
    }
    // Stepping away from the stop's hop: its rows are not this hop's; the map panel follows the hop again.
    if (s.lesson && s.step !== prev.step && opening === 0 && s.evidence?.map) {
      const { map: _map, ...rest } = s.evidence;
      store.setState({ evidence: rest });
    }
    const l = s.lesson;
    // Leaving the lesson: back to the hop's own evidence.
    if (!l && prev.lesson && s.evidence) request(store, undefined);
    const key = l ? `${l.id}#${l.stop}` : '';
    if (key === opened) return;
    opened = key;
    const lesson = l && lessons.find((x) => x.id === l.id);
    const stop = l && lesson?.stops[l.stop];
    if (!stop) return;
    const mine = ++gen;
    pending = open(stop, mine);
  });
  return {
    ready: async () => {
      let p: Promise<void>;
      do {
        p = pending;
        await p;
      } while (p !== pending);
    },
    stop: unsubscribe,
  };
}

/** Starts a lesson at a stop (0-based, clamped), or leaves the lesson with undefined. */
export function openLesson(store: AppStore, lessons: readonly Lesson[], id: string | undefined, stop = 0): boolean {
  if (id === undefined) {
    store.setState({ lesson: undefined });
    return true;
  }
  const lesson = lessons.find((l) => l.id === id);
  if (!lesson) return false;
  const at = Math.min(Math.max(0, Math.trunc(stop)), lesson.stops.length - 1);
  store.setState({ lesson: { id, stop: at, stops: lesson.stops.length }, playing: false });
  return true;
}
