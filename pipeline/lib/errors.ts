/** An input the pipeline refuses: carries a located, human-readable reason and exit code 2. */
export class InputError extends Error {
  readonly file: string;
  readonly line: number | null;
  readonly column: number | null;
  readonly ruleId: string;

  constructor(
    reason: string,
    options: { file: string; ruleId: string; line?: number | null; column?: number | null; cause?: unknown },
  ) {
    super(reason, { cause: options.cause });
    this.name = 'InputError';
    this.file = options.file;
    this.ruleId = options.ruleId;
    this.line = options.line ?? null;
    this.column = options.column ?? null;
  }

  /** "file:line:column: reason [ruleId]" – the way every refusal is printed. */
  format(): string {
    const place = this.line ? `:${this.line}${this.column ? `:${this.column}` : ''}` : '';
    return `${this.file}${place}: error: ${this.message} [${this.ruleId}]`;
  }
}
