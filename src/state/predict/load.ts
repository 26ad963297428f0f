/**
 * Keeps predict mode's alternative traces current: while predict mode is on,
 * each new trace (flow, seed, settings) asks the worker for the same flow
 * under every other configuration the settings bar offers. Also closes a
 * question the cursor has walked away from (the hop list, the scrubber).
 */
import type { AlternativeTrace, RequestBody, ReplyValue } from '../../worker/protocol.ts';
import type { AppState, AppStore } from '../store.ts';
import type { Alternative } from './choices.ts';
import { alternativesKey, predicting } from './player.ts';
import { predictVariants, type Variant } from './variants.ts';

/** The one request the watcher sends (the engine client's, or a fake in tests). */
export interface AlternativesClient {
  request(body: Extract<RequestBody, { type: 'alternatives' }>): Promise<ReplyValue['alternatives']>;
}

/** The traces the worker made, each with the configuration it names; refused configurations drop out. */
export function toAlternatives(variants: readonly Variant[], reply: readonly AlternativeTrace[]): Alternative[] {
  const byId = new Map(variants.map((v) => [v.id, v]));
  return reply.flatMap((r) => {
    const variant = byId.get(r.id);
    return 'trace' in r && variant ? [{ variant: { id: variant.id, label: variant.label }, trace: r.trace }] : [];
  });
}

export function watchPredict(store: AppStore, client: AlternativesClient): () => void {
  let asked: string | undefined;
  const check = (s: AppState, prev?: AppState) => {
    // A question belongs to one trace and one hop: another flow, settings or cursor closes it.
    if (s.predictAsk && (s.step !== s.predictAsk.question.hop - 1 || (prev && s.trace !== prev.trace))) {
      store.setState({ predictAsk: undefined, predictSkipped: undefined });
      return;
    }
    if (!predicting(s) || !s.summary || !s.trace) return;
    const key = alternativesKey(s);
    if (!key || key === asked || s.predictAlts?.key === key) return;
    asked = key;
    const variants = predictVariants(s.settings, s.summary.config);
    const request = { type: 'alternatives' as const, flow: s.trace.flow, variants: variants.map((v) => ({ id: v.id, settings: v.settings })) };
    // A failed request leaves no alternatives: every hop is then shown without a question.
    const done = (alts: Alternative[]) => {
      if (alternativesKey(store.getState()) === key) store.setState({ predictAlts: { key, alts } });
    };
    client.request(request).then((reply) => done(toAlternatives(variants, reply)), () => done([]));
  };
  check(store.getState());
  return store.subscribe(check);
}
