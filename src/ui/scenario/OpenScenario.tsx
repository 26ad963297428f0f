/**
 * Scenario choice: the built-in ones, or a cluster's own objects from a file
 * or pasted text. A broken scenario shows its located errors (document,
 * object, field, line); the loaded one stays, and so does the pasted text.
 */
import { useRef, useState, type ChangeEvent } from 'react';
import { useApp, useServices, useT } from '../app/context.tsx';
import { traceAfterLoad } from '../app/bootstrap.ts';
import { Stalled } from '../app/Stalled.tsx';
import { readPickedFile } from './read-file.ts';
import { afterSysdumpLoad, locateAll, openHubbleFile, sysdumpOf, type PendingSysdump } from '../reality/open-real.ts';

export function ScenarioPicker() {
  const t = useT();
  const services = useServices();
  const name = useApp((s) => s.scenarioName);
  const dialog = useRef<HTMLDialogElement>(null);
  const known = services.builtins.includes(name);
  const choose = async (e: ChangeEvent<HTMLSelectElement>) => {
    if (await services.actions.loadBuiltin(e.currentTarget.value)) await traceAfterLoad(services);
  };
  return (
    <div className="scenario-picker">
      <label>
        <span>{t('scenario.label')}</span>
        <select aria-label={t('scenario.label')} value={name} onChange={(e) => void choose(e)}>
          {!known && <option value={name}>{name}</option>}
          {services.builtins.map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => dialog.current?.showModal()}>
        {t('scenario.open')}
      </button>
      <OpenScenarioDialog ref={dialog} />
    </div>
  );
}

function OpenScenarioDialog({ ref }: { ref: React.RefObject<HTMLDialogElement | null> }) {
  const t = useT();
  const services = useServices();
  const draft = useApp((s) => s.draftText);
  const errors = useApp((s) => s.loadErrors);
  const busy = useApp((s) => s.busy);
  const stage = useApp((s) => s.engineStage);
  const [text, setText] = useState(draft);
  const [fileName, setFileName] = useState<string>();
  // A cilium-sysdump zip's objects wait in the textarea; its report shows once they load (issue #9).
  const [sysdump, setSysdump] = useState<PendingSysdump>();
  const load = async () => {
    const name = fileName?.replace(/\.(ya?ml|zip)$/i, '') || t('scenario.custom');
    const pending = sysdump?.text === text ? sysdump : undefined;
    if (await services.actions.loadText(text, name)) {
      ref.current?.close();
      if (pending) await afterSysdumpLoad(services, pending);
      await traceAfterLoad(services);
    } else if (pending) services.store.setState((s) => ({ loadErrors: locateAll(s.loadErrors, pending) }));
  };
  const pickHubble = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.currentTarget.files?.[0];
    if (!f) return;
    const problem = await openHubbleFile(f);
    if (problem) services.store.setState({ loadErrors: [{ severity: 'error', message: problem }] });
    else ref.current?.close();
  };
  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.currentTarget.files?.[0];
    if (!f) return;
    setFileName(f.name);
    if (/\.zip$/i.test(f.name)) {
      const zip = sysdumpOf(f.name, new Uint8Array(await f.arrayBuffer()));
      if (zip?.ok) {
        setSysdump(zip.pending);
        setText(zip.pending.text);
        services.store.setState({ loadErrors: [] });
      } else services.store.setState({ loadErrors: [zip ? zip.issue : { severity: 'error', message: `${f.name}: not a zip` }] });
      return;
    }
    const picked = await readPickedFile(f.name, f.size, () => f.arrayBuffer());
    if (picked.ok) setText(picked.text);
    else services.store.setState({ loadErrors: [picked.issue] });
  };
  return (
    <dialog ref={ref} className="open-dialog" aria-labelledby="open-title">
      <h2 id="open-title">{t('scenario.title')}</h2>
      <p>{t('scenario.help')}</p>
      <label className="file">
        <span>{t('scenario.file')}</span> <input type="file" accept=".yaml,.yml,.json,.zip,text/yaml" onChange={(e) => void pick(e)} />
      </label>
      <label className="file">
        <span>{t('scenario.hubble')}</span> <input type="file" accept=".json,.jsonl,.txt" data-testid="hubble-file" onChange={(e) => void pickHubble(e)} />
      </label>
      <textarea aria-label={t('scenario.title')} value={text} spellCheck={false} rows={14} onChange={(e) => setText(e.currentTarget.value)} />
      {errors.length > 0 && (
        <div className="load-errors" role="alert">
          <p>{t('scenario.errors')}</p>
          <ul>
            {errors.map((e, i) => (
              <li key={i} className={`issue issue-${e.severity}`}>
                {e.doc !== undefined && e.line !== undefined && <span className="issue-where">{t('scenario.where', { doc: e.doc + 1, line: e.line })} </span>}
                {/* The loader's message often names the object and field already; do not say them twice. */}
                {e.object && !e.message.includes(e.object) && <strong>{e.object} </strong>}
                {e.field && !e.message.includes(e.field) && <code>{e.field} </code>}
                {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" className="primary" disabled={busy || !text.trim()} onClick={() => void load()}>
          {t('scenario.load')}
        </button>
        {/* The engine's own word for where it is (#7 turns this into a progress bar). */}
        {busy && stage && <span role="status" className="muted">{stage}…</span>}
        {/* The modal dialog makes the page behind it inert: the watchdog's Cancel must be here too. */}
        <Stalled />
        <button type="button" onClick={() => ref.current?.close()}>
          {t('scenario.close')}
        </button>
      </div>
    </dialog>
  );
}
