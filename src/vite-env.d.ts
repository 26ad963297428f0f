/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/client" />

/** Names of public/scenarios/*.yaml, the default (kans-lab) first. */
declare module 'virtual:scenarios' {
  const names: string[];
  export default names;
}
