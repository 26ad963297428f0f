/**
 * The view in the URL, so a classroom link opens exactly where the teacher
 * was: `?scenario=kans-lab&from=netpod&to=svc&proto=tcp&port=80&step=4
 * &set=enable-ip-masq-agent:false&lang=ko`, and `compare=tunnel-vxlan` (a mode
 * preset id or `key:value,...`) for the side-by-side view, where `step` is
 * the row of the aligned hop lists. Pure functions; `syncUrl` keeps
 * the address bar current with history.replaceState.
 */
import { message, parseSettingsPairs, settingsPairsText, type FlowProto, type Message, type Settings } from '../engine/index.ts';
import type { Lang } from '../i18n/index.ts';
import type { AppState, AppStore, Theme } from './store.ts';

export interface UrlView {
  scenario?: string;
  from?: string;
  to?: string;
  proto?: FlowProto;
  port?: number;
  step?: number;
  settings?: Settings;
  /** Why `set=` was not applied (a pair that is not key:value), to tell the person who opened the link. */
  /** A `set=` the page could not read: its words, said in the page's language. */
  settingsError?: Message;
  lang?: Lang;
  /** Parameters given but not understood (`proto=sctp`, `lang=xx`): the page says it ignored them. */
  ignored?: { param: string; value: string; allowed: string }[];
  theme?: Theme;
  presenter?: boolean;
  /** Side B of the compare view: a mode preset id or `key:value,...`. */
  compare?: string;
  /** Predict the next hop (`predict=1`). */
  predict?: boolean;
  /** A lesson and its stop (`lesson=socket-lb&stop=2`, stop from 1). */
  lesson?: string;
  stop?: number;
  /** The lesson's printable handout (`handout=1`). */
  handout?: boolean;
}

const PROTOS: readonly FlowProto[] = ['icmp', 'tcp', 'udp'];

export function readUrl(search: string): UrlView {
  const q = new URLSearchParams(search);
  const v: UrlView = {};
  const str = (k: string) => q.get(k)?.trim() || undefined;
  const scenario = str('scenario');
  if (scenario) v.scenario = scenario;
  const from = str('from');
  if (from) v.from = from;
  const to = str('to');
  if (to) v.to = to;
  const ignored: NonNullable<UrlView['ignored']> = [];
  const ignore = (param: string, value: string, allowed: readonly string[]) =>
    ignored.push({ param, value: value.length > 60 ? `${value.slice(0, 60)}…` : value, allowed: allowed.join(', ') });
  const proto = str('proto')?.toLowerCase() as FlowProto | undefined;
  if (proto && PROTOS.includes(proto)) v.proto = proto;
  else if (proto) ignore('proto', proto, PROTOS);
  const port = Number(str('port'));
  if (Number.isInteger(port) && port > 0 && port < 65536) v.port = port;
  const step = Number(str('step'));
  if (str('step') !== undefined && Number.isInteger(step) && step >= 0) v.step = step;
  const set = q.getAll('set');
  if (set.length) {
    const r = parseSettingsPairs(set);
    if (r.ok) v.settings = r.settings;
    else v.settingsError = message('settings.url.set', { error: r.says });
  }
  const lang = str('lang');
  if (lang === 'en' || lang === 'ko') v.lang = lang;
  else if (lang) ignore('lang', lang, ['en', 'ko']);
  const theme = str('theme');
  if (theme === 'light' || theme === 'dark') v.theme = theme;
  if (str('presenter') === '1') v.presenter = true;
  const compare = str('compare');
  if (compare) v.compare = compare;
  if (str('predict') === '1') v.predict = true;
  const lesson = str('lesson');
  if (lesson) v.lesson = lesson;
  const stop = Number(str('stop'));
  if (Number.isInteger(stop) && stop >= 1) v.stop = stop;
  if (str('handout') === '1') v.handout = true;
  if (ignored.length) v.ignored = ignored;
  return v;
}

/** The query string of a state (stable key order, so links compare equal). */
export function writeUrl(s: AppState): string {
  const q = new URLSearchParams();
  q.set('scenario', s.scenarioName);
  q.set('from', s.flow.from);
  q.set('to', s.flow.to);
  q.set('proto', s.flow.proto);
  if (s.flow.port !== undefined) q.set('port', String(s.flow.port));
  // In compare mode the cursor is a row of the aligned lists.
  q.set('step', String(s.compare ? s.row : s.step));
  const set = settingsPairsText(s.settings, ':');
  if (set) q.set('set', set);
  if (s.compare) q.set('compare', s.compare.spec);
  q.set('lang', s.lang);
  if (s.theme !== 'dark') q.set('theme', s.theme);
  if (s.presenter) q.set('presenter', '1');
  if (s.predict) q.set('predict', '1');
  if (s.lesson) {
    q.set('lesson', s.lesson.id);
    q.set('stop', String(s.lesson.stop + 1));
  }
  if (s.handout) q.set('handout', '1');
  return `?${q.toString().replaceAll('%3A', ':').replaceAll('%2C', ',').replaceAll('%2F', '/')}`;
}

/** Runs `write` later, once (the last call wins); the default writes at once. */
export type Defer = (write: () => void) => void;

/**
 * Mirrors the view into the address bar (replaceState: no history entry per
 * step). The page defers writes a little, since browsers throttle frequent
 * replaceState calls and scrubbing produces many.
 */
export function syncUrl(
  store: AppStore,
  history: Pick<History, 'replaceState'>,
  location: Pick<Location, 'pathname' | 'search'>,
  defer: Defer = (write) => write(),
): () => void {
  let last = location.search;
  return store.subscribe((s) => {
    if (!s.summary) return;
    const next = writeUrl(s);
    if (next === last) return;
    last = next;
    defer(() => history.replaceState(null, '', `${location.pathname}${last}`));
  });
}
