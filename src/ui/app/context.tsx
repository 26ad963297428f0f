/**
 * React access to the app's services: the store (read with selectors), the
 * actions (engine requests) and the translator for the chosen language.
 */
import { createContext, useCallback, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Param } from '../../engine/index.ts';
import { translate, type MessageKey } from '../../i18n/index.ts';
import type { Lesson } from '../../lessons/model.ts';
import type { Actions } from '../../state/actions.ts';
import type { LessonDriver } from '../lessons/driver.ts';
import type { AppState, AppStore } from '../../state/store.ts';
import type { EngineClient } from '../../worker/client.ts';

export interface Services {
  store: AppStore;
  actions: Actions;
  client: EngineClient;
  /** Names of the built-in scenarios. */
  builtins: string[];
  /** The built-in lessons (public/lessons), in menu order, and their driver. */
  lessons: readonly Lesson[];
  lessonDriver?: LessonDriver;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ value, children }: { value: Services; children: ReactNode }) {
  return <ServicesContext.Provider value={value}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('useServices outside ServicesProvider');
  return s;
}

/** Reads one slice of the store; re-renders only when that value changes. */
export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(useServices().store, selector);
}

/** A UI label; a parameter may be an engine message, rendered in the same language. */
export type T = (key: MessageKey, params?: Record<string, Param>) => string;

export function useT(): T {
  const lang = useApp((s) => s.lang);
  return useCallback<T>((key, params) => translate(lang, key, params), [lang]);
}
