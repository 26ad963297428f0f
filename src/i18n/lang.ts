/** The languages of the page and the CLI (`--lang`). */
export type Lang = 'en' | 'ko';

export const LANGS: readonly Lang[] = ['en', 'ko'];
