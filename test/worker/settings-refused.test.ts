// Settings the agent refuses cross the worker with their words, so the settings bar and the compare view say
// why in the page's language; the English line stays what the CLI prints.
import { describe, expect, it } from 'vitest';
import { render } from '../../src/i18n/index.ts';
import { engineFormats } from '../../src/worker/formats.ts';
import { EngineHost } from '../../src/worker/host.ts';
import { toWireError } from '../../src/worker/protocol.ts';
import { REAL_ENGINE } from '../../src/worker/real-engine.ts';
import { scenarioText } from '../engine/builtin.ts';

function refused(settings: Record<string, string>) {
  const host = new EngineHost(REAL_ENGINE, engineFormats(REAL_ENGINE));
  host.handle({ id: 1, type: 'loadScenario', text: scenarioText('kans-lab'), name: 'kans-lab' });
  try {
    host.handle({ id: 2, type: 'setSettings', settings });
  } catch (e) {
    return toWireError(e);
  }
  throw new Error('the settings were accepted');
}

describe('refused settings', () => {
  it('carry their words: English as the CLI says it, Korean for the page', () => {
    const wire = refused({ 'kube-proxy-replacement': 'false' });
    expect(wire.name).toBe('SettingsError');
    if (!wire.explain) throw new Error('no words');
    expect(render('en', wire.explain)).toBe(wire.message);
    const ko = render('ko', wire.explain);
    expect(ko).toContain('--set kube-proxy-replacement=false');
    expect(ko).not.toContain('refuses to start');
    expect(ko).toMatch(/[가-힣]/);
  });

  it('say every refused key, in both languages', () => {
    const wire = refused({ 'routing-mode': 'bogus', 'tunnel-protocol': 'ipip' });
    if (!wire.explain) throw new Error('no words');
    expect(render('en', wire.explain)).toBe(wire.message);
    expect(wire.message.split('; ')).toHaveLength(2);
    const ko = render('ko', wire.explain);
    expect(ko).toContain('bogus');
    expect(ko).toContain('ipip');
  });
});
