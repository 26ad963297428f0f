/**
 * Scenario choice: the built-in ones, or a cluster's own objects from a file
 * or pasted text. A chosen file is read by the worker (the page shows its
 * name and size, never its text); the paste box holds at most 1 MB. While a
 * load runs, a progress bar and Cancel; a broken or cancelled load leaves
 * the loaded scenario, and the pasted text stays. A cilium-sysdump zip is a
 * chosen file like the others (the worker unzips it, with the same progress
 * and Cancel; its report comes back with the load); a file of Hubble flows
 * opens the reality panel.
 */
import { useRef, useState, type ChangeEvent } from 'react';
import { issueMessage } from '../../i18n/index.ts';
import { MAX_SCENARIO_BYTES } from '../../scenario/decode.ts';
import type { ScenarioIssue } from '../../scenario/model.ts';
import { useApp, useServices, useT } from '../app/context.tsx';
import { traceAfterLoad } from '../app/bootstrap.ts';
import { Stalled } from '../app/Stalled.tsx';
import { sizeText } from './load-percent.ts';
import { LoadProgressBar } from './LoadProgress.tsx';
import { fileTooBig, MAX_PASTE_BYTES, pastedBytes, scenarioNameOf } from './read-file.ts';
import { openHubbleFile, showSysdump } from '../reality/open-real.ts';
import type { SysdumpLoaded } from '../../worker/protocol.ts';

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

/** One load problem in the page's language; the object and field written as they are in the scenario. */
function IssueText({ issue }: { issue: ScenarioIssue }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const said = issueMessage(lang, issue);
  const where = issue.doc !== undefined && issue.line !== undefined ? t('scenario.where', { doc: issue.doc + 1, line: issue.line }) : undefined;
  // The loader's message often names the place, object and field already; do not say them twice.
  return (
    <>
      {where && !said.includes(where) && <span className="issue-where">{where} </span>}
      {issue.object && !said.includes(issue.object) && <strong>{issue.object} </strong>}
      {issue.field && !said.includes(issue.field) && <code>{issue.field} </code>}
      {said}
    </>
  );
}

function OpenScenarioDialog({ ref }: { ref: React.RefObject<HTMLDialogElement | null> }) {
  const t = useT();
  const services = useServices();
  const draft = useApp((s) => s.draftText);
  const errors = useApp((s) => s.loadErrors);
  const busy = useApp((s) => s.busy);
  const [text, setText] = useState(() => (pastedBytes(draft) > MAX_PASTE_BYTES ? '' : draft));
  const [file, setFile] = useState<File>();
  const [pasteNote, setPasteNote] = useState<string>();
  const input = useRef<HTMLInputElement>(null);
  const load = async () => {
    // A cilium-sysdump zip's report and agents' differences, when the file was one (issue #9).
    let sysdump: SysdumpLoaded | undefined;
    const ok = file
      ? await services.actions.loadFile(file, scenarioNameOf(file.name), (s) => {
          sysdump = s;
        })
      : await services.actions.loadText(text, t('scenario.custom'));
    if (ok) {
      ref.current?.close();
      if (sysdump) showSysdump(sysdump);
      await traceAfterLoad(services);
    }
  };
  const pickHubble = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.currentTarget.files?.[0];
    if (!f) return;
    const problem = await openHubbleFile(f, services.store.getState().lang);
    if (problem) services.store.setState({ loadErrors: [{ severity: 'error', message: problem }] });
    else ref.current?.close();
  };
  const pick = (e: ChangeEvent<HTMLInputElement>) => {
    const target = e.currentTarget;
    const f = target.files?.[0];
    if (!f) return;
    if (fileTooBig(f.size)) {
      const message = t('scenario.fileTooBig', { name: f.name, size: sizeText(f.size), limit: sizeText(MAX_SCENARIO_BYTES) });
      services.store.setState({ loadErrors: [{ severity: 'error', message }] });
      target.value = '';
      return;
    }
    setFile(f);
    setPasteNote(undefined);
  };
  const paste = (value: string) => {
    const size = pastedBytes(value);
    if (size > MAX_PASTE_BYTES) setPasteNote(t('scenario.pasteTooBig', { size: sizeText(size) }));
    else {
      setPasteNote(undefined);
      setText(value);
    }
  };
  const pasteInstead = () => {
    setFile(undefined);
    if (input.current) input.current.value = '';
  };
  return (
    <dialog ref={ref} className="open-dialog" aria-labelledby="open-title">
      <h2 id="open-title">{t('scenario.title')}</h2>
      <p>{t('scenario.help')}</p>
      <p className="muted">{t('scenario.fileOrPaste')}</p>
      <label className="file">
        <span>{t('scenario.file')}</span>{' '}
        <input ref={input} type="file" accept=".yaml,.yml,.json,.zip,application/json,text/yaml" disabled={busy} onChange={pick} />
      </label>
      <label className="file">
        <span>{t('scenario.hubble')}</span>{' '}
        <input type="file" accept=".json,.jsonl,.txt" data-testid="hubble-file" disabled={busy} onChange={(e) => void pickHubble(e)} />
      </label>
      {file ? (
        <p className="chosen-file" data-testid="chosen-file">
          {t('scenario.chosen', { name: file.name, size: sizeText(file.size) })}{' '}
          <button type="button" disabled={busy} onClick={pasteInstead}>
            {t('scenario.pasteInstead')}
          </button>
        </p>
      ) : (
        <textarea aria-label={t('scenario.title')} value={text} spellCheck={false} rows={14} onChange={(e) => paste(e.currentTarget.value)} />
      )}
      {pasteNote && (
        <p role="status" className="paste-note">
          {pasteNote}
        </p>
      )}
      {errors.length > 0 && (
        <div className="load-errors" role="alert">
          <p>{t('scenario.errors')}</p>
          <ul>
            {errors.map((e, i) => (
              <li key={i} className={`issue issue-${e.severity}`}>
                <IssueText issue={e} />
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" className="primary" disabled={busy || (!file && !text.trim())} onClick={() => void load()}>
          {t('scenario.load')}
        </button>
        <LoadProgressBar />
        {/* The modal dialog makes the page behind it inert: the watchdog's Cancel must be here too. */}
        <Stalled />
        <button type="button" onClick={() => ref.current?.close()}>
          {t('scenario.close')}
        </button>
      </div>
    </dialog>
  );
}
