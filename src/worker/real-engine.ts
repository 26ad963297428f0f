/**
 * The engine functions the worker's host runs: the real engine and loader.
 * One object, so the worker shim and the tests that drive the host with the
 * real engine cannot drift apart.
 */
import { derive, initialTables, initialWords, tablesAt, traceFlow } from '../engine/index.ts';
import { loadScenario } from '../scenario/load.ts';
import type { EngineFns } from './host.ts';

export const REAL_ENGINE: EngineFns = { loadScenario, derive, traceFlow, initialTables, tablesAt, initialWords };
