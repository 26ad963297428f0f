/**
 * Every hop of the trace, the current one marked aria-current and kept in
 * view. Virtualised (@tanstack/react-virtual) so a long conversation costs
 * only the rows on screen. One tab stop (roving tabindex): the current row
 * takes focus, ↑/↓ move to the previous/next hop and focus follows.
 */
import { hopDirection } from '../../engine/index.ts';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { explainHop, kindName } from '../../i18n/index.ts';
import { setStep } from '../../state/player.ts';
import { isDropped, selectEvents } from '../../state/selectors.ts';
import { useApp, useServices, useT } from '../app/context.tsx';
import { predicting } from '../../state/predict/player.ts';

export function EventList() {
  const t = useT();
  const { store } = useServices();
  const events = useApp(selectEvents);
  const step = useApp((s) => s.step);
  const lang = useApp((s) => s.lang);
  const presenter = useApp((s) => s.presenter);
  // Predict mode hides the hops the class has not reached (their answers).
  const shown = useApp((s) => (predicting(s) ? Math.min(events.length, s.step + 1) : events.length));
  const parent = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({
    count: shown,
    getScrollElement: () => parent.current,
    estimateSize: () => (presenter ? 44 : 34),
    overscan: 8,
  });
  // Keep the current hop in view. Done by hand: the virtualizer's scrollToIndex
  // re-measures the scroll height in a loop, a long task on every step.
  useEffect(() => {
    const el = parent.current;
    const item = v.measurementsCache[step];
    if (!el || !item) return;
    if (item.start < el.scrollTop) el.scrollTop = item.start;
    else if (item.end > el.scrollTop + el.clientHeight) el.scrollTop = item.end - el.clientHeight;
  }, [step, events.length, v]);
  // Focus follows the current hop while it is inside the list (the row may render a frame later).
  useEffect(() => {
    const el = parent.current;
    if (!el || !el.contains(document.activeElement)) return;
    const id = requestAnimationFrame(() => el.querySelector<HTMLElement>(`li[data-index="${step}"]`)?.focus({ preventScroll: true }));
    return () => cancelAnimationFrame(id);
  }, [step]);
  const onKey = (e: KeyboardEvent<HTMLElement>) => {
    const d = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
    if (d !== 0) {
      e.preventDefault();
      setStep(store, step + d);
    } else if (e.key === 'Enter') {
      const i = Number((e.target as HTMLElement).dataset.index);
      if (Number.isInteger(i)) setStep(store, i);
    }
  };
  return (
    <div className="event-list" ref={parent} aria-label={t('events.title')} onKeyDown={onKey}>
      <ol style={{ height: v.getTotalSize(), position: 'relative' }}>
        {v.getVirtualItems().map((item) => {
          const ev = events[item.index];
          if (!ev) return null;
          const current = item.index === step;
          const dropped = isDropped(ev);
          return (
            <li
              key={item.key}
              data-index={item.index}
              ref={v.measureElement}
              aria-current={current ? 'true' : undefined}
              tabIndex={current ? 0 : -1}
              className={`event dir-${hopDirection(ev)}${current ? ' is-current' : ''}${dropped ? ' is-drop' : ''}`}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
              onClick={() => setStep(store, item.index)}
            >
              <span className="event-n">{item.index + 1}</span>
              <span className="event-kind" title={ev.kind}>
                {kindName(lang, ev.kind)}
              </span>
              <span className="event-node">{ev.node}</span>
              <span className="event-text" title={explainHop(lang, ev)}>
                {explainHop(lang, ev)}
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
