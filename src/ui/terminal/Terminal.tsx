/**
 * A small terminal for the seed's commands (`c0 map get cilium_ipcache`,
 * `c1 service list`, `hubble observe --pod netpod`). The line is parsed here
 * into a typed request; the last command's output follows the player (the
 * worker answers it for every step at once).
 */
import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useApp, useT } from '../app/context.tsx';
import { useCilium, useExec } from '../panels/use-tables.ts';
import { parseCommand, type Command } from './command.ts';
import { useHubble } from './use-hubble.ts';

/** The output of a parsed command as of the current step; undefined while it comes. */
function useCommandOutput(cmd: Command | undefined): { ok: boolean; text: string } | undefined {
  const cilium = useCilium(cmd?.kind === 'cilium' ? cmd.node : undefined, cmd?.kind === 'cilium' ? cmd.view : undefined, cmd?.kind === 'cilium');
  const exec = useExec(cmd?.kind === 'exec' ? cmd.target : undefined, cmd?.kind === 'exec' ? cmd.argv : undefined, cmd?.kind === 'exec');
  const hubble = useHubble(cmd?.kind === 'hubble' ? cmd.query : undefined, cmd?.kind === 'hubble' ? cmd.last : undefined);
  switch (cmd?.kind) {
    case undefined:
      return undefined;
    case 'empty':
      return { ok: true, text: '' };
    case 'error':
      return { ok: false, text: cmd.message };
    case 'text':
      return { ok: true, text: cmd.filter(cmd.text) };
    case 'cilium':
      return cilium && (cilium.ok ? { ok: true, text: cmd.filter(cilium.text) } : cilium);
    case 'exec':
      return exec && (exec.ok ? { ok: true, text: cmd.filter(exec.text) } : exec);
    case 'hubble':
      if (!hubble) return undefined;
      return hubble.ok ? { ok: true, text: cmd.filter(hubble.lines.map((l) => `${l}\n`).join('')) } : { ok: false, text: hubble.error };
    default: {
      const never: never = cmd;
      return never;
    }
  }
}

export function Terminal() {
  const t = useT();
  const step = useApp((s) => s.step);
  const summaryNodes = useApp((s) => s.summary?.nodes);
  const names = useMemo(() => summaryNodes?.map((n) => n.name) ?? [], [summaryNodes]);
  const [line, setLine] = useState('');
  const [history, setHistory] = useState<string[]>([]);
  const [cursor, setCursor] = useState(-1);
  // A lesson stop's command (showEvidence): run it, as if typed, so its output is on screen.
  const asked = useApp((s) => s.evidence?.command);
  useEffect(() => {
    if (asked) setHistory((h) => [...h.filter((x) => x !== asked), asked]);
  }, [asked]);
  const command = history[history.length - 1];
  const lang = useApp((s) => s.lang);
  const cmd = useMemo(() => (command === undefined ? undefined : parseCommand(command, names, lang)), [command, names, lang]);
  const output = useCommandOutput(cmd);
  const outRef = useRef<HTMLPreElement>(null);
  // A lesson stop's command (lessons/evidence.ts) runs as if typed, once per request.
  const lessonCommand = useApp((s) => s.terminalCommand);
  useEffect(() => {
    const l = lessonCommand?.line;
    if (l) setHistory((h) => [...h.filter((x) => x !== l), l]);
  }, [lessonCommand]);

  const text = output?.text;
  useEffect(() => {
    outRef.current?.scrollTo({ top: 0 });
  }, [text]);

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
        {t('terminal.hint')} · c0.. = {names.join(', ')}
      </p>
      {command && (
        <div className="terminal-run">
          <div className="terminal-cmd">
            <code>$ {command}</code> <span className="muted">{t('terminal.asOf', { n: step + 1 })}</span>
          </div>
          <pre
            ref={outRef}
            className={output?.ok === false ? 'terminal-out is-error' : 'terminal-out'}
            data-testid="terminal-output"
            // A tab stop, so the keyboard can scroll a long output (axe: scrollable-region-focusable).
            tabIndex={0}
            aria-label={command}
          >
            {output?.text || t('views.nothing')}
          </pre>
        </div>
      )}
    </div>
  );
}
