/** The playback bar's Predict button and, while predicting, the score ("3 of 5", per lesson or flow). */
import { scoreOf, togglePredict } from '../../state/predict/player.ts';
import { useApp, useServices, useT } from '../app/context.tsx';

export function PredictToggle() {
  const t = useT();
  const { store } = useServices();
  const on = useApp((s) => s.predict);
  const right = useApp((s) => scoreOf(s).right);
  const answered = useApp((s) => scoreOf(s).answered);
  return (
    <span className="predict-toggle">
      <button
        type="button"
        aria-pressed={on}
        className={on ? 'is-on' : ''}
        title={t('predict.toggleTitle')}
        data-testid="predict-toggle"
        onClick={(e) => {
          togglePredict(store);
          // A mouse click hands focus back to the page, so the next Enter or → asks (as a dropdown's choice does).
          if (e.detail > 0) e.currentTarget.blur();
        }}
      >
        {t('predict.toggle')}
      </button>
      {on && (
        <span className="predict-score" role="status" data-testid="predict-score" aria-label={t('predict.scoreLabel', { right, answered })}>
          {t('predict.score', { right, answered })}
        </span>
      )}
    </span>
  );
}
