// The page's Korean catalogs on demand (ko-on-demand.ts, put in place of ko.ts and messages-ko.ts by the page's build).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as onDemand from '../../src/i18n/ko-on-demand.ts';
import { ko } from '../../src/i18n/ko.ts';
import { MESSAGES_KO } from '../../src/i18n/messages-ko.ts';

describe('Korean on demand', () => {
  it('is empty until loadLang(\'ko\') fills it with the catalogs as they are', async () => {
    expect(Object.keys(onDemand.ko)).toEqual([]);
    await onDemand.loadLang('en');
    expect(Object.keys(onDemand.MESSAGES_KO)).toEqual([]);
    await Promise.all([onDemand.loadLang('ko'), onDemand.loadLang('ko')]);
    expect(onDemand.ko).toEqual(ko);
    expect(onDemand.MESSAGES_KO).toEqual(MESSAGES_KO);
  });

  it('offers every name index.ts imports from ko.ts and messages-ko.ts', () => {
    const index = readFileSync(new URL('../../src/i18n/index.ts', import.meta.url), 'utf8');
    const names = [...index.matchAll(/import\s*\{([^}]*)\}\s*from\s*'\.\/(?:ko|messages-ko)\.ts'/g)]
      .flatMap((m) => (m[1] ?? '').split(',').map((n) => n.trim()).filter((n) => n && !n.startsWith('type ')));
    expect(names.sort()).toEqual(['MESSAGES_KO', 'ko']);
    for (const name of names) expect(onDemand).toHaveProperty(name);
  });
});
