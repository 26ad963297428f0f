/**
 * The lesson menu (every lesson with its length) and, inside a lesson, the
 * bar: "stop k of n", the stop's caption in the page's language, previous
 * and next (PageUp/PageDown, B/N do the same), the handout and leave.
 */
import { useEffect } from 'react';
import { nextStop, prevStop } from '../../state/player.ts';
import { useApp, useServices, useT } from '../app/context.tsx';
import { openLesson } from './driver.ts';
import { evidenceView } from './evidence.ts';

export function LessonMenu() {
  const t = useT();
  const { store, lessons } = useServices();
  const lang = useApp((s) => s.lang);
  const current = useApp((s) => s.lesson?.id);
  return (
    <label className="lesson-menu">
      <span className="sr-only">{t('lesson.menu')}</span>
      <select
        aria-label={t('lesson.menu')}
        data-testid="lesson-menu"
        value={current ?? ''}
        onChange={(e) => openLesson(store, lessons, e.currentTarget.value || undefined)}
      >
        <option value="">{t('lesson.none')}</option>
        {lessons.map((l) => (
          <option key={l.id} value={l.id}>
            {t('lesson.option', { title: l.title[lang], n: l.stops.length })}
          </option>
        ))}
      </select>
    </label>
  );
}

export function LessonBar() {
  const t = useT();
  const { store, lessons } = useServices();
  const lang = useApp((s) => s.lang);
  const at = useApp((s) => s.lesson);
  const lesson = at && lessons.find((l) => l.id === at.id);
  const stop = at && lesson?.stops[at.stop];
  // Presenter mode hides the views; a stop whose proof is a capture (tcpdump, strace, ...) brings them back.
  const views = stop ? evidenceView(stop.evidence) : undefined;
  const inLesson = stop !== undefined;
  useEffect(() => {
    document.documentElement.dataset.lessonViews = views ? 'on' : 'off';
    document.documentElement.dataset.lesson = inLesson ? 'on' : 'off';
  }, [views, inLesson]);
  if (!at || !lesson || !stop) return null;
  const openHandout = () => {
    const url = new URL(window.location.href);
    url.searchParams.set('handout', '1');
    window.open(url.toString(), '_blank', 'noopener');
  };
  return (
    <section className="lesson-bar" aria-label={t('lesson.label')} data-testid="lesson-bar">
      <div className="lesson-head">
        <strong className="lesson-title">{lesson.title[lang]}</strong>
        <span className="lesson-stop" data-testid="lesson-stop">{t('lesson.stopOf', { k: at.stop + 1, n: at.stops })}</span>
        <button type="button" onClick={() => prevStop(store)} disabled={at.stop === 0} title="PageUp / B">
          {t('lesson.prev')}
        </button>
        <button type="button" onClick={() => nextStop(store)} disabled={at.stop + 1 >= at.stops} title="PageDown / N">
          {t('lesson.next')}
        </button>
        <button type="button" onClick={openHandout} data-testid="lesson-handout">
          {t('lesson.handout')}
        </button>
        <button type="button" className="link" onClick={() => store.setState({ lesson: undefined })}>
          {t('lesson.exit')}
        </button>
      </div>
      <p className="lesson-caption" lang={lang} data-testid="lesson-caption" aria-live="polite">
        {stop.caption[lang]}
      </p>
    </section>
  );
}
