// Input problems: what the readers report about bad input, and the error thrown
// when a run cannot go on (`--strict`, or nothing readable at all).

export interface InputProblem {
  file: string;
  /** 1-based line of the record (or of the fault) in its file; null when the problem concerns the whole file. */
  line: number | null;
  message: string;
  severity: 'error' | 'warning';
}

/** `file:line: message`, the form a user can click in a terminal. */
export function formatProblem(problem: InputProblem): string {
  const where = problem.line === null ? problem.file : `${problem.file}:${problem.line}`;
  return `${where}: ${problem.severity}: ${problem.message}`;
}

export class InputError extends Error {
  readonly problems: InputProblem[];

  constructor(message: string, problems: InputProblem[]) {
    const shown = problems.slice(0, 10).map(formatProblem);
    const more = problems.length > 10 ? [`… and ${problems.length - 10} more`] : [];
    super([message, ...shown, ...more].join('\n'));
    this.name = 'InputError';
    this.problems = problems;
  }
}

/** 1-based line number of a UTF-16 offset, counting `\n`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Line numbers of many ascending offsets in one pass (readers with thousands of records). */
export function linesAt(text: string, offsets: number[]): number[] {
  const lines: number[] = [];
  let line = 1;
  let cursor = 0;
  for (const offset of offsets) {
    for (let i = text.indexOf('\n', cursor); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++;
      cursor = i + 1;
    }
    lines.push(line);
  }
  return lines;
}

/** Tells the problems from the papers in `readJsonlStream`'s output. */
export function isInputProblem(value: object): value is InputProblem {
  return 'severity' in value && 'message' in value;
}
