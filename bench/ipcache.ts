/**
 * Section 3: the engine's ipcache LPM (dp.ipcacheLookup) against a linear
 * scan with ipaddr.js over the same entries, on the same seeded addresses.
 */
import ipaddr from 'ipaddr.js';
import type { Datapath } from '../src/engine/index.ts';
import { createRng } from '../src/engine/index.ts';
import type { Ipv4 } from '../src/scenario/values.ts';
import type { Report } from './report.ts';

const ADDRESSES = 20_000;
const LPM_ROUNDS = 25; // 500,000 engine lookups
const LINEAR_LOOKUPS = 200;
const SAMPLE = 300;

const u32ToIp = (n: number) => `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}` as Ipv4;

/** Half known /32s (pods, nodes), a quarter anywhere in the pod pool, a quarter anywhere at all. */
function seededAddresses(dp: Datapath, count: number, seed: number): Ipv4[] {
  const rng = createRng(seed);
  const known = dp.ipcache.filter((e) => e.prefix.bits === 32).map((e) => e.prefix.base);
  return Array.from({ length: count }, (_, i) => {
    if (i % 4 < 2) return known[rng.int(0, known.length - 1)]!;
    if (i % 4 === 2) return u32ToIp((0x0a000000 + rng.int(0, 0x3ffff)) >>> 0);
    return u32ToIp(rng.u32());
  });
}

type Parsed = [ipaddr.IPv4, number];

/** The baseline: every entry tested, the longest matching prefix kept. */
function linearLookup(parsed: { cidr: Parsed; text: string }[], ip: string): string | undefined {
  const addr = ipaddr.parse(ip);
  let best: { bits: number; text: string } | undefined;
  for (const p of parsed) {
    if (addr.match(p.cidr) && (!best || p.cidr[1] > best.bits)) best = { bits: p.cidr[1], text: p.text };
  }
  return best?.text;
}

export function benchIpcache(report: Report, dp: Datapath): void {
  report.section('3. ipcache lookups (large cluster)');
  const viewer = dp.nodes[0]!.name;
  const texts = dp.ipcache.map((e) => `${e.prefix.base}/${e.prefix.bits}`);
  report.add('ipcache entries', texts.length, 'entries', { op: '>=', value: 100_000 });
  const parsed = texts.map((text) => ({ cidr: ipaddr.parseCIDR(text) as Parsed, text }));
  const addrs = seededAddresses(dp, ADDRESSES, 7);

  // Same answers on a sample (and a warm-up for both).
  let mismatches = 0;
  for (const ip of addrs.slice(0, SAMPLE)) {
    const hit = dp.ipcacheLookup(viewer, ip);
    const engine = hit ? `${hit.entry.prefix.base}/${hit.entry.prefix.bits}` : undefined;
    if (engine !== linearLookup(parsed, ip)) mismatches++;
  }
  report.add('answers differing on a sample', mismatches, `of ${SAMPLE}`, { op: '<=', value: 0 });

  let sink = 0;
  for (const ip of addrs) sink += dp.ipcacheLookup(viewer, ip) ? 1 : 0;
  const t0 = process.hrtime.bigint();
  for (let r = 0; r < LPM_ROUNDS; r++) for (const ip of addrs) sink += dp.ipcacheLookup(viewer, ip)!.value.identity;
  const lpmSec = Number(process.hrtime.bigint() - t0) / 1e9;
  const lpmRate = (LPM_ROUNDS * addrs.length) / lpmSec;

  const t1 = process.hrtime.bigint();
  for (const ip of addrs.slice(SAMPLE, SAMPLE + LINEAR_LOOKUPS)) sink += linearLookup(parsed, ip)?.length ?? 0;
  const linSec = Number(process.hrtime.bigint() - t1) / 1e9;
  const linRate = LINEAR_LOOKUPS / linSec;

  report.add('engine LPM (dp.ipcacheLookup)', lpmRate, 'lookups/s', undefined, `${(LPM_ROUNDS * addrs.length).toLocaleString('en-US')} lookups`);
  report.add('linear scan with ipaddr.js', linRate, 'lookups/s', undefined, `${LINEAR_LOOKUPS} lookups over ${texts.length.toLocaleString('en-US')} CIDRs`);
  report.add('speed-up (LPM / linear)', lpmRate / linRate, '×', { op: '>=', value: 1000 });
  if (sink === -1) report.info('unreachable'); // keeps `sink` observable
}
