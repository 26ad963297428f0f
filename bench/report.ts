/**
 * The bench's figures: each printed beside its target with ✓ or ✗ (or "–" when
 * it has no target), and kept for bench/results/latest.json.
 */

export interface Target {
  op: '<' | '<=' | '>=';
  value: number;
}

export interface Figure {
  section: string;
  label: string;
  value: number | undefined;
  unit: string;
  target?: Target;
  /** Extra facts printed after the value (iterations, p95, CPU time...). */
  note?: string;
  pass?: boolean;
}

export function meets(value: number, t: Target): boolean {
  if (t.op === '<') return value < t.value;
  if (t.op === '<=') return value <= t.value;
  return value >= t.value;
}

function formatNumber(v: number): string {
  const abs = Math.abs(v);
  if (Number.isInteger(v) || abs >= 1000) return Math.round(v).toLocaleString('en-US');
  if (abs >= 100) return v.toFixed(0);
  if (abs >= 10) return v.toFixed(1);
  if (abs >= 1) return v.toFixed(2);
  return v.toFixed(3);
}

export class Report {
  readonly figures: Figure[] = [];
  readonly skipped: { section: string; reason: string }[] = [];
  private current = '';

  section(title: string): void {
    this.current = title;
    console.log(`\n== ${title} ==`);
  }

  info(text: string): void {
    console.log(`   ${text}`);
  }

  /** Records and prints one figure; `value` undefined means "could not be measured" (✗ when it had a target). */
  add(label: string, value: number | undefined, unit: string, target?: Target, note?: string): Figure {
    const pass = target === undefined ? undefined : value !== undefined && Number.isFinite(value) && meets(value, target);
    const fig: Figure = { section: this.current, label, value, unit, ...(target ? { target } : {}), ...(note ? { note } : {}), ...(pass !== undefined ? { pass } : {}) };
    this.figures.push(fig);
    const mark = pass === undefined ? '–' : pass ? '✓' : '✗';
    const shown = value === undefined || !Number.isFinite(value) ? 'n/a' : `${formatNumber(value)} ${unit}`;
    const goal = target ? `target ${target.op} ${formatNumber(target.value)} ${unit}` : '';
    console.log(` ${mark} ${label.padEnd(46)} ${shown.padStart(16)}   ${goal.padEnd(24)}${note ? ` ${note}` : ''}`);
    return fig;
  }

  skip(reason: string): void {
    this.skipped.push({ section: this.current, reason });
    console.log(` – skipped: ${reason}`);
  }

  summary(): { met: number; missed: number } {
    const withTarget = this.figures.filter((f) => f.pass !== undefined);
    return { met: withTarget.filter((f) => f.pass).length, missed: withTarget.filter((f) => !f.pass).length };
  }
}

export const ms = (n: number) => `${formatNumber(n)} ms`;
export const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
