/**
 * A small terminal for the seed's commands (`c0 map get cilium_ipcache`,
 * `c1 service list`, `hubble observe --pod netpod`). The last command's
 * output follows the player: it is re-run as of each step.
 */
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useApp, useServices, useT } from '../app/context.tsx';

export function Terminal() {
  const t = useT();
  const { client } = useServices();
  const step = useApp((s) => s.step);
  const trace = useApp((s) => s.trace);
  const nodes = useApp((s) => s.summary?.nodes.map((n) => n.name).join(', '));
  const [line, setLine] = useState('');
  const [history, setHistory] = useState<string[]>([]);
  const [cursor, setCursor] = useState(-1);
  const [output, setOutput] = useState<{ ok: boolean; text: string }>();
  const command = history[history.length - 1];
  const outRef = useRef<HTMLPreElement>(null);

  useEffect(() => {
    if (!command) return;
    let live = true;
    client.request({ type: 'cli', line: command, step: trace ? step : -1 }).then(
      (r) => live && setOutput({ ok: r.ok, text: r.output }),
      (e: unknown) => live && setOutput({ ok: false, text: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [client, command, step, trace]);

  useEffect(() => {
    outRef.current?.scrollTo({ top: 0 });
  }, [output]);

  const run = (e: FormEvent) => {
    e.preventDefault();
    const l = line.trim();
    if (!l) return;
    setHistory((h) => [...h.filter((x) => x !== l), l]);
    setCursor(-1);
    setLine('');
  };
  const recall = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    e.preventDefault();
    const next = e.key === 'ArrowUp' ? Math.min(history.length - 1, cursor + 1) : Math.max(-1, cursor - 1);
    setCursor(next);
    setLine(next < 0 ? '' : (history[history.length - 1 - next] ?? ''));
  };
  return (
    <div className="terminal">
      <form onSubmit={run} className="terminal-input">
        <span className="prompt" aria-hidden="true">
          $
        </span>
        <input
          aria-label={t('terminal.label')}
          value={line}
          spellCheck={false}
          autoComplete="off"
          placeholder="c0 map get cilium_ipcache"
          onChange={(e) => setLine(e.currentTarget.value)}
          onKeyDown={recall}
        />
      </form>
      <p className="terminal-hint">
        {t('terminal.hint')} · c0.. = {nodes}
      </p>
      {command && (
        <div className="terminal-run">
          <div className="terminal-cmd">
            <code>$ {command}</code> <span className="muted">{t('terminal.asOf', { n: step + 1 })}</span>
          </div>
          <pre ref={outRef} className={output?.ok === false ? 'terminal-out is-error' : 'terminal-out'} data-testid="terminal-output">
            {output?.text || t('views.nothing')}
          </pre>
        </div>
      )}
    </div>
  );
}
