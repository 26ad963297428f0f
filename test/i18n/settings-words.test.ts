// Settings as a person types them (`--set`, `set=`, `compare=`): each refusal carries its words, which the page
// renders in its language; rendered in English they are the CLI's line.
import { describe, expect, it } from 'vitest';
import { parseSettingsPairs, parseSettingsSpec } from '../../src/engine/index.ts';
import { render } from '../../src/i18n/index.ts';

describe('settings pairs', () => {
  it('say each refusal in words the page renders in its language; the English is the CLI\'s line', () => {
    for (const r of [parseSettingsPairs('routing-mode=tunnel,bpf-lb-sock'), parseSettingsPairs(['=tunnel']), parseSettingsPairs('routing-mode:'),
      parseSettingsSpec('tunnel'), parseSettingsSpec(' ')]) {
      if (r.ok) throw new Error('accepted');
      expect(render('en', r.says)).toBe(r.error);
      expect(render('ko', r.says)).toMatch(/[가-힣]/);
    }
  });
});
