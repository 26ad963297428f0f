/**
 * The engine and loader code behind the host's rarer requests (HostExtras
 * without the views): compare, telling a zip (isZip), a sysdump's unzipping
 * (fflate) and report, a real Hubble flow's replay. Imported by formats.ts,
 * which the worker fetches on first use, so none of it is in the worker's
 * first chunk.
 */
import { compareAgents, compareTraces, replayFlow } from '../engine/index.ts';
import { isZip, locate, readSysdump } from '../scenario/sysdump/index.ts';
import type { CliFormats, HostExtras } from './host.ts';

export const ENGINE_EXTRAS: Omit<HostExtras, keyof CliFormats> = { compareTraces, compareAgents, replayFlow, isZip, readSysdump, locate };
