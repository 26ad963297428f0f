/** Predict mode's choices and configurations in words, from the UI catalog (pure: tested in Node). */
import { dropReasonText, type Lang, type MessageKey } from '../../i18n/index.ts';
import type { Answer, QuestionKind } from '../../state/predict/choices.ts';
import type { VariantLabel } from '../../state/predict/variants.ts';
import type { T } from '../app/context.tsx';

export const QUESTION_KEY: Record<QuestionKind, MessageKey> = {
  place: 'predict.q.place',
  map: 'predict.q.map',
  packet: 'predict.q.packet',
};

/** The configuration a choice comes from, as the settings bar names it. */
export function configText(t: T, l: VariantLabel): string {
  switch (l.kind) {
    case 'routing':
      return l.choice === 'native' ? t('predict.cfg.native') : t('predict.cfg.tunnel', { protocol: l.choice });
    case 'switch':
      return t(l.on ? 'predict.cfg.on' : 'predict.cfg.off', { name: t(`settings.${l.key}`) });
    case 'mode':
      return t(`mode.${l.id}` as MessageKey);
    case 'policy':
      return t('predict.cfg.policy', { value: l.value });
    default: {
      const never: never = l;
      return String(never);
    }
  }
}

/** Several configurations in one phrase: `VXLAN tunnel · Geneve tunnel`. */
export const configsText = (t: T, labels: readonly VariantLabel[]): string => labels.map((l) => configText(t, l)).join(' · ');

/** A choice's lines: the first is what the class compares; the others (MACs, outer header) detail it. */
export function answerLines(t: T, lang: Lang, a: Answer): string[] {
  if (a.kind === 'place') {
    const where = `${a.node} · ${a.iface} · ${a.program}`;
    return a.drop ? [where, t('predict.dropped', { reason: dropReasonText(lang, a.drop), code: a.drop.code })] : [where];
  }
  if (a.kind === 'map') return [a.maps.length ? a.maps.join(', ') : t('predict.noMap')];
  if (a.call) return [t('predict.socket', { call: a.call, dst: a.dst })];
  const lines = [`${a.src} → ${a.dst} ${a.proto}`];
  if (a.outer) lines.push(t('predict.outer', { encap: a.outer.encap.toUpperCase(), src: a.outer.src, dst: a.outer.dst, vni: a.outer.vni }));
  lines.push(a.srcMac && a.dstMac ? t('predict.macs', { src: a.srcMac, dst: a.dstMac }) : t('predict.noMacs'));
  return lines;
}
