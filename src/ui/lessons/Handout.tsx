/**
 * The printable handout of a lesson (`?lesson=ID&handout=1`): the page walks
 * the lesson's stops once, keeps each stop's drawing, caption, hop sentence
 * and evidence, then shows them one stop per printed page and opens the
 * print dialog. Print CSS (styles.css) hides the live page.
 */
import { useEffect, useState } from 'react';
import { settingsPairsText } from '../../engine/index.ts';
import { useApp, useServices, useT } from '../app/context.tsx';
import { openLesson } from './driver.ts';
import { handoutPage, type HandoutPage } from './handout-page.ts';

/** The marker's move to the hop is animated; the drawing is kept after it lands. */
const ANIMATION_MS = 900;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function Handout() {
  const t = useT();
  const { store, lessons, lessonDriver } = useServices();
  const lang = useApp((s) => s.lang);
  const id = useApp((s) => s.lesson?.id);
  const lesson = lessons.find((l) => l.id === id);
  const [pages, setPages] = useState<HandoutPage[]>();
  const [progress, setProgress] = useState(0);

  useEffect(() => {
    if (!lesson) return;
    let live = true;
    void (async () => {
      const out: HandoutPage[] = [];
      for (let k = 0; k < lesson.stops.length; k++) {
        openLesson(store, lessons, lesson.id, k);
        await wait(0);
        await lessonDriver?.ready();
        await wait(ANIMATION_MS);
        if (!live) return;
        const s = store.getState();
        out.push(handoutPage(lesson, k, s.lang, s.trace, s.step, s.summary));
        setProgress(k + 1);
      }
      setPages(out);
    })();
    return () => {
      live = false;
    };
    // Walk once per lesson and language (the captions and sentences are taken in it).
  }, [lesson, lang, store, lessons, lessonDriver]);

  useEffect(() => {
    document.documentElement.dataset.handout = pages ? 'ready' : 'preparing';
    if (pages) window.setTimeout(() => window.print(), 200);
    return () => {
      delete document.documentElement.dataset.handout;
    };
  }, [pages]);

  if (!lesson) return null;
  if (!pages) {
    return (
      <p className="handout-progress" role="status">
        {t('handout.preparing', { k: Math.min(progress + 1, lesson.stops.length), n: lesson.stops.length })}
      </p>
    );
  }
  return (
    <div className="handout" data-testid="handout" lang={lang}>
      <div className="handout-tools">
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('handout.print')}
        </button>
        <button type="button" onClick={() => store.setState({ handout: false })}>
          {t('handout.back')}
        </button>
      </div>
      {pages.map((p) => (
        <article key={p.k} className="handout-page" data-testid="handout-page">
          <header className="handout-head">
            <h1>{lesson.title[lang]}</h1>
            <span>{t('lesson.stopOf', { k: p.k + 1, n: lesson.stops.length })}</span>
          </header>
          <p className="handout-caption">{p.caption}</p>
          <p className="handout-meta">
            {p.stop.scenario} · {p.stop.flow.from} → {p.stop.flow.to} {p.stop.flow.proto}
            {p.stop.flow.port !== undefined ? `/${p.stop.flow.port}` : ''}
            {Object.keys(p.stop.settings).length > 0 && ` · ${t('handout.settings', { pairs: settingsPairsText(p.stop.settings) })}`}
            {p.stop.compare && ` · ${t('handout.compare', { spec: p.stop.compare })}`}
          </p>
          {/* The drawing as the page drew it at this stop (SVG kept from the live page). */}
          <div className={`handout-drawing n-${p.svgs.length}`} dangerouslySetInnerHTML={{ __html: p.svgs.join('') }} />
          <p className="handout-hop">
            <strong>{t('handout.hop', { n: p.hopNumber })}</strong> {p.hop}
          </p>
          <section className="handout-evidence" aria-label={t('handout.evidence')}>
            {p.evidence.map((b) => (
              <figure key={b.head}>
                <figcaption>
                  <code>$ {b.head}</code>
                </figcaption>
                <pre>{b.lines.join('\n') || '–'}</pre>
              </figure>
            ))}
          </section>
        </article>
      ))}
    </div>
  );
}
