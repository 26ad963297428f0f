/** `flowlab trace --format hubble-jsonpb` and `flowlab replay` (issue #9 point 5). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flowlab } from '../cli/flowlab.ts';

describe('jsonpb out and back in', () => {
  it('trace writes jsonpb lines; replay reads them back, all agreeing; foreign lines are located', async () => {
    const out = await flowlab('trace', '--scenario', 'kans-lab', '--from', 'netpod', '--to', 'webpod1', '--proto', 'icmp', '--format', 'hubble-jsonpb');
    expect(out.code, out.stderr).toBe(0);
    const lines = out.stdout.trim().split('\n');
    for (const l of lines) expect(Object.keys(JSON.parse(l) as object)).toEqual(['flow', 'node_name', 'time']);
    const path = join(mkdtempSync(join(tmpdir(), 'flowlab-replay-')), 'flows.json');
    writeFileSync(path, `${out.stdout}not json\n`);
    const r = await flowlab('replay', path, '--scenario', 'kans-lab');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.match(/^line \d+: /gm)).toHaveLength(lines.length);
    expect(r.stdout).not.toMatch(/^ {2}! /m);
    expect(r.stderr).toBe(`flows.json: line ${lines.length + 1}: not JSON (expected one \`hubble observe -o jsonpb\` response per line)\n`);
    const empty = join(mkdtempSync(join(tmpdir(), 'flowlab-replay-')), 'junk.json');
    writeFileSync(empty, 'hello\n');
    const bad = await flowlab('replay', empty);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('flowlab: junk.json: no Hubble flows (line 1: not JSON (expected one `hubble observe -o jsonpb` response per line))\n');
  }, 60_000);
});
