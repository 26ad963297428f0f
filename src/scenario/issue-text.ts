/**
 * A scenario problem's words as data, beside its English `message`: an id of
 * the scenario's part of the message catalog and its parameters (values,
 * names and field paths as the person wrote them, or more words). The engine
 * lists these ids in its catalog (src/engine/messages.ts spreads
 * SCENARIO_MESSAGE_PARAMS), so the page renders them with src/i18n in its
 * language, and both catalogs are held complete by the types and tests.
 *
 * The scenario may not import src/i18n; it renders its own English (the
 * CLI's lines and every test's expectation) from SCENARIO_EN with `english`,
 * a fill of the same `{name}` placeholders. A test checks that the i18n
 * renderer gives the same English for every issue a broken scenario yields.
 */
import { SCENARIO_EN } from './issue-text-en.ts';
import { SCENARIO_MESSAGE_PARAMS, type ScenarioMessageId } from './issue-ids.ts';

export { SCENARIO_MESSAGE_PARAMS, type ScenarioMessageId };

/** A parameter: text printed as it is (a value, a name, a path) or more words in the same language. */
export type IssueParam = string | number | IssueText;

/** Words of a scenario problem; plain data (it crosses the worker boundary by structured clone). */
export interface IssueText {
  id: ScenarioMessageId;
  params: Record<string, IssueParam>;
}

type ParamsOf<I extends ScenarioMessageId> = { [K in (typeof SCENARIO_MESSAGE_PARAMS)[I][number]]: IssueParam };

/** Words with their parameters checked against the id: a wrong or missing name does not compile. */
export function say<I extends ScenarioMessageId>(
  id: I,
  ...params: keyof ParamsOf<I> extends never ? [] : [ParamsOf<I>]
): IssueText {
  return { id, params: params[0] ?? {} };
}

/** The English of `t` (SCENARIO_EN has no particles: a plain fill). */
export function english(t: IssueText): string {
  return SCENARIO_EN[t.id].replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = t.params[key];
    return v === undefined ? whole : typeof v === 'object' ? english(v) : String(v);
  });
}

/** Text the same in every language (a parser library's own reason, a joined list). */
export const literal = (text: string): IssueText => say('scenario.literal', { text });

/** `document N, line L` (doc 0-based, as SourceRef). */
export const whereDoc = (doc: number, line: number): IssueText => say('scenario.where', { doc: doc + 1, line });
