/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/client" />

/** Names of public/scenarios/*.yaml, the default (kans-lab) first. */
declare module 'virtual:scenarios' {
  const names: string[];
  export default names;
}

/** public/lessons/*.yaml, parsed and validated at build time, in menu order. */
declare module 'virtual:lessons' {
  const lessons: import('./lessons/model.ts').Lesson[];
  export default lessons;
}
