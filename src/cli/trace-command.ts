/** `flowlab trace`: one conversation through the datapath, as text, Hubble lines, JSON or a tcpdump capture. */
import { FlowError, resolveCaptureTarget, tcpdumpText, traceFlow, hubbleObserve, traceJson, traceText, compareText, parseSettingsSpec, settingsPairsText, type CaptureTarget, type Datapath, type FlowRequest, type Message, type Trace } from '../engine/index.ts';
import { LANGS, render, type Lang } from '../i18n/index.ts';
import { UserError } from './errors.ts';
import { FLOW_OPTIONS, flowRequest, parse, SCENARIO_OPTIONS, settingsOf } from './options.ts';
import { datapathFor } from './scenario.ts';

const FORMATS = ['text', 'hubble', 'hubble-json', 'json', 'tcpdump', 'hubble-jsonpb'] as const;
type Format = (typeof FORMATS)[number];

/** traceFlow with FlowError (unknown names) turned into a user error in `lang`, listing the known ones. */
export function runTrace(dp: Datapath, req: FlowRequest, lang: Lang = 'en'): Trace {
  return userErrors(() => traceFlow(dp, req), lang);
}

function userErrors<T>(run: () => T, lang: Lang): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof FlowError) {
      const error = { id: err.id, params: err.params };
      throw new UserError(render(lang, err.known.length ? { id: 'error.known', params: { error, names: err.known.join(', ') } } : error));
    }
    throw err;
  }
}

function langOf(value: string | undefined): Lang {
  const lang = (value ?? 'en') as Lang;
  if (!LANGS.includes(lang)) throw new UserError(`--lang must be one of ${LANGS.join(', ')}, not "${value}"`);
  return lang;
}

export function traceCommand(args: string[]): string {
  const options = {
    ...FLOW_OPTIONS, ...SCENARIO_OPTIONS, format: { type: 'string' }, explain: { type: 'boolean' }, compare: { type: 'string' },
    iface: { type: 'string' }, lang: { type: 'string' },
  } as const;
  const { values } = parse(args, options, 'trace');
  const lang = langOf(values.lang);
  const say = (m: Message) => render(lang, m);
  if (values.compare !== undefined) return compareCommand(values, values.compare, lang);
  const format = (values.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new UserError(`--format must be one of ${FORMATS.join(', ')}, not "${values.format}"`);
  if (format === 'tcpdump' && !values.iface) throw new UserError('--format tcpdump needs --iface NODE:IFACE or a pod (its eth0)');
  if (format !== 'tcpdump' && values.iface) throw new UserError('--iface goes with --format tcpdump');
  const req = flowRequest(values, 'trace');
  const dp = datapathFor(values.scenario, settingsOf(values.set));
  const target: CaptureTarget | undefined = values.iface ? userErrors(() => resolveCaptureTarget(dp, values.iface ?? ''), lang) : undefined;
  const trace = runTrace(dp, req, lang);
  switch (format) {
    case 'text':
      return traceText(trace, { explain: values.explain ?? false, say });
    case 'hubble':
      return hubbleObserve(dp, trace);
    // hubble 1.16: `-o json` is an alias of `-o jsonpb`, one GetFlowsResponse per line, which
    // `hubble observe --input-file` reads back (docs/hubble-jsonpb-notes.md).
    case 'hubble-json':
    case 'hubble-jsonpb':
      return hubbleObserve(dp, trace, { output: 'json' });
    case 'json':
      return traceJson(trace, say);
    case 'tcpdump':
      return target ? tcpdumpText(trace, target) : '';
    default: {
      const never: never = format;
      return never;
    }
  }
}

/** `--compare key=value[,key=value]` or a mode preset id: the flow under both settings, aligned. */
function compareCommand(values: Parameters<typeof flowRequest>[0] & { scenario?: string; set?: string[] }, text: string, lang: Lang): string {
  const spec = parseSettingsSpec(text);
  if (!spec.ok) throw new UserError(`--compare: ${spec.error}`);
  const req = flowRequest(values, 'trace');
  const base = settingsOf(values.set);
  const a = runTrace(datapathFor(values.scenario, base), req, lang);
  const b = runTrace(datapathFor(values.scenario, { ...base, ...spec.settings }), req, lang);
  const label = (s: Record<string, string>) => settingsPairsText(s) || 'as configured';
  return compareText(a, b, label(base), label({ ...base, ...spec.settings }), (m) => render(lang, m));
}
