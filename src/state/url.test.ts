import { describe, expect, it } from 'vitest';
import { render } from '../i18n/index.ts';
import { readUrl, syncUrl, writeUrl } from './url.ts';
import { createAppStore, initialState } from './store.ts';

describe('url', () => {
  it('reads a classroom link', () => {
    expect(readUrl('?from=netpod&to=svc&proto=tcp&port=80&step=4&set=enable-ip-masq-agent:false&scenario=kans-lab&lang=ko')).toEqual({
      from: 'netpod', to: 'svc', proto: 'tcp', port: 80, step: 4, settings: { 'enable-ip-masq-agent': 'false' }, scenario: 'kans-lab', lang: 'ko',
    });
  });

  it('ignores values that are not valid', () => {
    expect(readUrl('?port=70000&step=-1')).toEqual({});
  });

  it('lists the parameters it did not understand, clipped, so the page can say so', () => {
    expect(readUrl(`?proto=sctp&lang=${'x'.repeat(100)}`).ignored).toEqual([
      { param: 'proto', value: 'sctp', allowed: 'icmp, tcp, udp' },
      { param: 'lang', value: `${'x'.repeat(60)}…`, allowed: 'en, ko' },
    ]);
    // A 100 KB set= value is quoted by its start in the banner, not echoed whole.
    const huge = readUrl(`?set=${'y'.repeat(100_000)}`).settingsError;
    expect(huge && render('en', huge).length).toBeLessThan(150);
  });

  it('reads set= by the one settings-pair rule, and says which pair is wrong', () => {
    expect(readUrl('?set=routing-mode:tunnel&set=tunnel-protocol=geneve,')).toEqual({ settings: { 'routing-mode': 'tunnel', 'tunnel-protocol': 'geneve' } });
    const bad = readUrl('?set=routing-mode:tunnel,nocolon').settingsError;
    expect(bad && render('en', bad)).toBe('set=: "nocolon" is not key=value (or key:value)');
    expect(bad && render('ko', bad)).toBe('set=: "nocolon"은 key=value(또는 key:value) 형식이 아닙니다');
  });

  it('round-trips the view', () => {
    const s = initialState({
      flow: { from: 'netpod', to: 'svc', proto: 'tcp', port: 80 }, step: 7, lang: 'ko', presenter: true,
      settings: { 'routing-mode': 'tunnel', 'enable-ip-masq-agent': 'false' },
    });
    const url = writeUrl(s);
    expect(url).toContain('set=enable-ip-masq-agent:false,routing-mode:tunnel');
    expect(readUrl(url)).toEqual({
      scenario: 'kans-lab', from: 'netpod', to: 'svc', proto: 'tcp', port: 80, step: 7, lang: 'ko', presenter: true,
      settings: { 'enable-ip-masq-agent': 'false', 'routing-mode': 'tunnel' },
    });
  });

  it('carries the compare view, whose step is a row of the aligned lists', () => {
    expect(readUrl('?compare=tunnel-vxlan&step=9')).toMatchObject({ compare: 'tunnel-vxlan', step: 9 });
    const s = initialState({ step: 3, row: 9, compare: { spec: 'routing-mode:tunnel', settings: {}, trace: undefined, summary: undefined, rows: [], hopsA: 0, hopsB: 0, differing: 0, differences: { a: [], b: [] }, error: undefined } });
    const url = writeUrl(s);
    expect(url).toContain('compare=routing-mode:tunnel');
    expect(readUrl(url)).toMatchObject({ compare: 'routing-mode:tunnel', step: 9 });
    expect(writeUrl(initialState({ step: 3 }))).not.toContain('compare');
  });

  it('replaces the address as the view changes, once a scenario is loaded', () => {
    const store = createAppStore();
    const calls: string[] = [];
    syncUrl(store, { replaceState: (_d, _t, url) => calls.push(String(url)) }, { pathname: '/', search: '' });
    store.setState({ step: 1 });
    expect(calls).toHaveLength(0);
    store.setState({ summary: {} as never, step: 2 });
    store.setState({ step: 2 });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatch(/^\/\?scenario=kans-lab&.*step=2/);
  });
});
