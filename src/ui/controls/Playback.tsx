/** Reset, Step back, Play/Pause, Step forward, speed and the scrubber. */
import { cursorOf, lastCursor, pause, play, reset, stepBack, stepForward } from '../../state/player.ts';
import { SPEEDS } from '../../state/store.ts';
import { useApp, useServices, useT } from '../app/context.tsx';
import { orPredict, predicting, seek } from '../../state/predict/player.ts';
import { PredictToggle } from '../predict/PredictToggle.tsx';

export function Playback() {
  const t = useT();
  const { store } = useServices();
  // In the compare view the cursor is a row of the aligned lists; both sides follow it.
  const step = useApp(cursorOf);
  const playing = useApp((s) => s.playing);
  const speed = useApp((s) => s.speed);
  const last = useApp(lastCursor);
  const comparing = useApp((s) => s.compare?.trace !== undefined);
  const has = useApp((s) => s.trace !== undefined);
  // Predict mode steps by question and answer: Play would show the hops unasked.
  const predictOn = useApp(predicting);
  return (
    <div className="playback" role="toolbar" aria-label={t('playback.scrubber')}>
      <button type="button" className="icon" aria-label={t('playback.reset')} title={`${t('playback.reset')} (Home)`} disabled={!has} onClick={() => reset(store)}>
        |◀
      </button>
      <button type="button" className="icon" aria-label={t('playback.back')} title={`${t('playback.back')} (←)`} disabled={!has || step === 0} onClick={() => stepBack(store)}>
        ◀
      </button>
      {playing ? (
        <button type="button" className="icon primary" aria-label={t('playback.pause')} title={`${t('playback.pause')} (Space)`} onClick={() => pause(store)}>
          ❚❚
        </button>
      ) : (
        <button type="button" className="icon primary" aria-label={t('playback.play')} title={`${t('playback.play')} (Space)`} disabled={!has || predictOn} onClick={() => play(store)}>
          ▶
        </button>
      )}
      <button type="button" className="icon" aria-label={t('playback.forward')} title={`${t('playback.forward')} (→)`} disabled={!has || step >= last} onClick={() => orPredict(stepForward)(store)}>
        ▶|
      </button>
      <input
        type="range"
        className="scrubber"
        aria-label={t('playback.scrubber')}
        min={0}
        max={last}
        value={step}
        disabled={!has}
        onChange={(e) => seek(store, Number(e.currentTarget.value))}
      />
      {/* Not a live region: the hop announcer (help/HopAnnouncer.tsx) reads the count with the sentence. */}
      <span className="hop-counter">
        {has ? t(comparing ? 'compare.row' : 'playback.hopOf', { n: step + 1, total: last + 1 }) : ''}
      </span>
      <label className="speed">
        <span>{t('playback.speed')}</span>
        <select value={speed} onChange={(e) => store.setState({ speed: Number(e.currentTarget.value) })}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <PredictToggle />
    </div>
  );
}
