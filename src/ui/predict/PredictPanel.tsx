/**
 * Predict mode on the drawing: before the next hop shows, the question and
 * its three or four choices (keys 1-4, or a click); after the reveal, each
 * choice marked right or wrong with the configuration it comes from. Between
 * questions, one line says what → does next (or why a hop had no question).
 */
import { lastCursor } from '../../state/player.ts';
import { pickChoice, predicting, readyAlternatives } from '../../state/predict/player.ts';
import { useApp, useServices, useT } from '../app/context.tsx';
import { answerLines, configsText, QUESTION_KEY } from './predict-text.ts';

export function PredictPanel() {
  const on = useApp(predicting);
  if (!on) return null;
  return <PredictBody />;
}

function PredictBody() {
  const t = useT();
  const { store } = useServices();
  const ask = useApp((s) => s.predictAsk);
  const step = useApp((s) => s.step);
  const last = useApp(lastCursor);
  const skipped = useApp((s) => s.predictSkipped);
  const lang = useApp((s) => s.lang);
  const loading = useApp((s) => readyAlternatives(s) === undefined);
  if (!ask) {
    const line =
      step >= last ? t('predict.end')
      : loading ? t('predict.loading')
      : t('predict.ready');
    return (
      <aside className="predict-panel is-idle" aria-label={t('predict.region')} data-testid="predict-panel">
        {skipped === step && <p className="predict-note" data-testid="predict-skipped">{t('predict.skipped', { n: step + 1 })}</p>}
        <p className="predict-note">{line}</p>
      </aside>
    );
  }
  const { question, picked, revealed } = ask;
  const max = question.choices.length;
  const chosen = picked === undefined ? undefined : question.choices[picked];
  return (
    <aside className={`predict-panel${revealed ? ' is-revealed' : ''}`} aria-label={t('predict.region')} data-testid="predict-panel" data-kind={question.kind}>
      <p className="predict-question">
        <span className="predict-about">{t('predict.about', { n: question.hop + 1, total: last + 1 })}</span> {t(QUESTION_KEY[question.kind])}
      </p>
      <ol className="predict-choices">
        {question.choices.map((c, i) => {
          const state = revealed ? (c.right ? ' is-right' : ' is-wrong') : '';
          const [head, ...rest] = answerLines(t, lang, c.answer);
          return (
            <li key={i}>
              <button
                type="button"
                className={`predict-choice${picked === i ? ' is-picked' : ''}${state}`}
                aria-pressed={picked === i}
                data-choice={i}
                data-right={revealed ? String(c.right) : undefined}
                disabled={revealed}
                onClick={() => pickChoice(store, i)}
              >
                <kbd>{i + 1}</kbd>
                <span className="predict-answer">
                  <span className="predict-head">{head}</span>
                  {rest.map((line) => (
                    <span key={line} className="predict-detail">{line}</span>
                  ))}
                  {revealed && (
                    // The right answer's other configurations only in the tooltip: on the projector they would cover the drawing.
                    <span
                      className="predict-from"
                      data-testid="predict-from"
                      title={c.right && c.from.length ? t('predict.alsoWith', { configs: configsText(t, c.from) }) : undefined}
                    >
                      {c.right ? `✔ ${t('predict.inForce')}` : `✕ ${t('predict.from', { configs: configsText(t, c.from) })}`}
                    </span>
                  )}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      <p className="predict-foot" aria-live="polite">
        {revealed && (
          <strong className={chosen ? (chosen.right ? 'is-right' : 'is-wrong') : ''} data-testid="predict-result">
            {chosen ? t(chosen.right ? 'predict.right' : 'predict.wrong') : t('predict.unanswered')}
          </strong>
        )}{' '}
        <span className="predict-keys">{revealed ? t('predict.keysNext') : t('predict.keysAsk', { max })}</span>
      </p>
    </aside>
  );
}
