/**
 * Korean templates of the engine's hop explanations, by message id
 * (the English ones live in src/engine/explain/). `{param}` takes the
 * event's explain.params. Ids missing here fall back to the English text.
 */
export const EXPLAIN_KO: Record<string, string> = {};
