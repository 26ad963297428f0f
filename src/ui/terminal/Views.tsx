/**
 * The views a teacher points at, as tabs: the hop list, Hubble's lines up
 * to the current step, tcpdump on a chosen interface, the client's strace,
 * and the terminal.
 */
import { useEffect, useMemo, useRef } from 'react';
import { straceLines } from '../../engine/index.ts';
import type { ViewTab } from '../../state/store.ts';
import { selectEvents } from '../../state/selectors.ts';
import { useApp, useServices, useT } from '../app/context.tsx';
import { EventList } from '../hop/EventList.tsx';
import { captureIface, targetId, targetLabel, tcpdumpLines, type CaptureTarget } from './tcpdump.ts';
import { Terminal } from './Terminal.tsx';
import { useHubble } from './use-hubble.ts';

type Tab = ViewTab;
const TABS: Tab[] = ['events', 'hubble', 'tcpdump', 'strace', 'terminal'];

export function Views() {
  const t = useT();
  const { store } = useServices();
  const tab = useApp((s) => s.viewTab);
  const label = (x: Tab) => t(x === 'events' ? 'views.events' : `views.${x}`);
  return (
    <div className="views">
      <div className="tabs" role="tablist">
        {TABS.map((x) => (
          <button key={x} role="tab" type="button" aria-selected={tab === x} className="tab" onClick={() => store.setState({ viewTab: x })}>
            {label(x)}
          </button>
        ))}
      </div>
      <div className="views-body" role="tabpanel" aria-label={label(tab)}>
        {tab === 'events' && <EventList />}
        {tab === 'hubble' && <HubbleView />}
        {tab === 'tcpdump' && <TcpdumpView />}
        {tab === 'strace' && <StraceView />}
        {tab === 'terminal' && <Terminal />}
      </div>
    </div>
  );
}

/** Keeps a capture's newest line (the current hop's packet or call) in view as the player moves. */
function useEndInView(text: string | undefined) {
  const ref = useRef<HTMLPreElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [text]);
  return ref;
}

function HubbleView() {
  const t = useT();
  // The client pod, as `--pod` takes it (the namespace may be left out for `default`).
  const pod = useApp((s) => {
    const c = s.trace?.client;
    if (c?.kind !== 'pod') return undefined;
    return c.namespace === 'default' ? c.name : `${c.namespace}/${c.name}`;
  });
  const query = useMemo(() => ({ filter: pod ? { pod } : {} }), [pod]);
  const out = useHubble(query);
  const text = out?.ok ? out.lines.join('\n') : out?.error;
  const preRef = useEndInView(text);
  return (
    <div className="term-view">
      <code className="term-cmd">$ hubble observe{pod ? ` --pod ${pod}` : ''}</code>
      <pre ref={preRef} data-testid="hubble-output" tabIndex={0} aria-label={t('views.hubble')}>{text || t('views.nothing')}</pre>
    </div>
  );
}

function useCaptureTargets(): CaptureTarget[] {
  const summary = useApp((s) => s.summary);
  const trace = useApp((s) => s.trace);
  return useMemo(() => {
    if (!summary) return [];
    const out: CaptureTarget[] = [];
    const pods = summary.nodes.flatMap((n) => n.pods);
    for (const ep of [trace?.client, trace?.backend ?? trace?.server]) {
      if (ep?.kind !== 'pod') continue;
      const p = pods.find((x) => x.key === `${ep.namespace}/${ep.name}`);
      if (!p) continue;
      out.push({ kind: 'pod', node: p.node, pod: p.key, podIp: p.ip }, { kind: 'device', node: p.node, iface: p.lxc });
    }
    for (const n of summary.nodes) out.push({ kind: 'device', node: n.name, iface: n.device });
    return out;
  }, [summary, trace]);
}

function TcpdumpView() {
  const t = useT();
  const { store } = useServices();
  const targets = useCaptureTargets();
  const chosen = useApp((s) => s.tcpdumpAt);
  const events = useApp(selectEvents);
  const step = useApp((s) => s.step);
  const target = targets.find((x) => targetId(x) === chosen) ?? targets[0];
  const lines = target ? tcpdumpLines(events, target, step) : [];
  const ifname = target ? captureIface(target) : '';
  const preRef = useEndInView(lines.join('\n'));
  return (
    <div className="term-view">
      <label className="inline">
        <span>{t('views.iface')}</span>
        <select value={target ? targetId(target) : ''} onChange={(e) => store.setState({ tcpdumpAt: e.currentTarget.value })}>
          {targets.map((x) => (
            <option key={targetId(x)} value={targetId(x)}>
              {targetLabel(x)}
            </option>
          ))}
        </select>
      </label>
      <code className="term-cmd">$ tcpdump -n -i {ifname}</code>
      <pre ref={preRef} data-testid="tcpdump-output" tabIndex={0} aria-label={t('views.tcpdump')}>
        {lines.length ? lines.join('\n') : t('views.nothing')}
      </pre>
    </div>
  );
}

function StraceView() {
  const t = useT();
  const events = useApp(selectEvents);
  const step = useApp((s) => s.step);
  const client = useApp((s) => (s.trace?.client.kind === 'pod' ? s.trace.client.name : ''));
  const lines = straceLines(events, step);
  const preRef = useEndInView(lines.map((l) => l.line).join('\n'));
  return (
    <div className="term-view">
      <code className="term-cmd">$ kubectl exec {client} -- strace -e trace=network …</code>
      <pre ref={preRef} data-testid="strace-output" tabIndex={0} aria-label={t('views.strace')}>{lines.length ? lines.map((l) => l.line).join('\n') : t('views.noSyscalls')}</pre>
    </div>
  );
}
