/**
 * The Korean catalogs in the page, fetched when Korean is first chosen
 * (14 KB gzipped that an English page does not need before its first
 * drawing). The page's build (vite.config.ts) resolves index.ts's imports of
 * ko.ts and messages-ko.ts to this module, whose two objects stay empty until
 * loadLang('ko') fills them; the page switches to Korean only after that
 * (src/ui/mount.tsx, ViewToggles.tsx). The CLI and the tests import the
 * catalogs as they are: there loadLang only fills this module's own copies.
 */
import type { MessageId } from '../engine/index.ts';
import type { MessageKey } from './en.ts';
import type { Lang } from './lang.ts';

export const ko = {} as Record<MessageKey, string>;
export const MESSAGES_KO = {} as Record<MessageId, string>;

let korean: Promise<void> | undefined;

/** Resolves once `lang`'s catalogs can be rendered (English always can). */
export function loadLang(lang: Lang): Promise<void> {
  if (lang !== 'ko') return Promise.resolve();
  korean ??= Promise.all([import('./ko.ts'), import('./messages-ko.ts')]).then(
    ([ui, messages]) => {
      Object.assign(ko, ui.ko);
      Object.assign(MESSAGES_KO, messages.MESSAGES_KO);
    },
    (e: unknown) => {
      korean = undefined; // offline without the precache, say: the next choice of Korean tries again
      throw e;
    },
  );
  return korean;
}
