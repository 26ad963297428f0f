/**
 * cilium-config overrides as a person types them: the one reading of the
 * CLI's `--set` and `--compare`, the URL's `set=` and `compare=`, and the
 * page's compare choice.
 *
 * The rule: pairs are separated by commas, possibly over several strings (a
 * repeated `--set` or `set=`); a pair is `key=value` or `key:value` (the URL's
 * form, which needs no escaping), split at the first `=` or `:`, so a value
 * may hold either. Spaces around keys and values are dropped; blank pairs
 * (a trailing comma) are skipped; a later pair for the same key wins. A pair
 * without a key or a value is an error that names the pair. Whether the key
 * is one the engine models is checked later, by withSettings.
 */
import type { Settings } from './request.ts';
import { message, type Message } from './messages.ts';
import { MODE_PRESETS } from './modes.ts';

const MAX_QUOTED = 60;

/** `error` in English (the CLI's line), `says` the same words for the page's language. */
export type SettingsParse = { ok: true; settings: Settings } | { ok: false; error: string; says: Message };

/** A refusal whose English is rendered from its words by the caller's edge (see settings-pairs.test.ts). */
const refuse = (error: string, says: Message): SettingsParse => ({ ok: false, error, says });

/** `key=value` / `key:value` pairs, comma-separated, from one string or several. */
export function parseSettingsPairs(texts: string | readonly string[]): SettingsParse {
  // No prototype: `__proto__=x` is a key like any other (and then an unknown one), not a prototype to set.
  const settings: Settings = Object.create(null) as Settings;
  for (const text of typeof texts === 'string' ? [texts] : texts) {
    for (const raw of text.split(',')) {
      const whole = raw.trim();
      if (!whole) continue;
      // Messages quote the pair; a 100 KB value is quoted by its start.
      const pair = whole.length > MAX_QUOTED ? `${whole.slice(0, MAX_QUOTED)}…` : whole;
      const at = whole.search(/[=:]/);
      if (at < 0) return refuse(`"${pair}" is not key=value (or key:value)`, message('settings.pair.not_pair', { pair }));
      const key = whole.slice(0, at).trim();
      const value = whole.slice(at + 1).trim();
      const sep = whole.charAt(at);
      if (!key) return refuse(`"${pair}" has no key before its "${sep}"`, message('settings.pair.no_key', { pair, sep }));
      if (!value) return refuse(`"${pair}" has no value after its "${sep}"`, message('settings.pair.no_value', { pair, sep }));
      settings[key] = value;
    }
  }
  return { ok: true, settings };
}

/** A mode preset's id (`tunnel-vxlan`) or settings pairs: what is compared with. */
export function parseSettingsSpec(text: string): SettingsParse {
  const spec = text.trim();
  const preset = MODE_PRESETS.find((p) => p.id === spec);
  if (preset) return { ok: true, settings: { ...preset.settings } };
  const r = parseSettingsPairs(spec);
  const modes = MODE_PRESETS.map((p) => p.id).join(', ');
  const hint = `give key=value pairs or a mode (${modes})`;
  if (!r.ok) return refuse(`${r.error}; ${hint}`, message('settings.spec.hint', { error: r.says, modes }));
  if (Object.keys(r.settings).length === 0) return refuse(`no settings given; ${hint}`, message('settings.spec.empty', { modes }));
  return r;
}

/** Settings written back as pairs, keys sorted, so equal settings give equal text. */
export function settingsPairsText(settings: Settings, separator: '=' | ':' = '=', join = ','): string {
  return Object.entries(settings)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}${separator}${v}`)
    .join(join);
}
