import type { IssueText } from './issue-text.ts';

/** What every part of the scenario model points back to: where an object came from, and a located problem. */

export type L4Proto = 'TCP' | 'UDP' | 'SCTP';

/** Where an object came from, so every later message can point at it. */
export interface SourceRef {
  /** 0-based index of the YAML document (or List item's document). */
  doc: number;
  /** `Pod default/webpod1` */
  object: string;
  /** 1-based line of the object's start in the YAML text. */
  line: number;
}

/** A located problem in a scenario: names the document, object, field and line. */
export interface ScenarioIssue {
  severity: 'error' | 'warning';
  /** The English line (the CLI prints it; tests assert it). */
  message: string;
  /** The same words as data, for the page to render in its language (issue-text.ts); absent on a few UI-made issues. */
  text?: IssueText;
  /** `Pod default/webpod1` when known. */
  object?: string;
  /** `status.podIP` */
  field?: string;
  /** 1-based YAML line. */
  line?: number;
  doc?: number;
  /** `encoding`: the bytes are not text at all (the CLI says it as a read error, not a scenario error). */
  kind?: 'encoding';
}
