/** An issue about no one object (the whole scenario, a parser's place): its words and their English. */
import { english, type IssueText } from './issue-text.ts';
import type { ScenarioIssue } from './source.ts';

export function issueOf(
  severity: ScenarioIssue['severity'],
  text: IssueText,
  at: Omit<ScenarioIssue, 'severity' | 'message' | 'text'> = {},
): ScenarioIssue {
  return { severity, message: english(text), text, ...at };
}
