/**
 * Every error a user can meet: printed as located lines (`format()`), ending the run with its exit
 * code — 1 the briefing or its packs are wrong, 2 an input is refused, 3 the outputs cannot be
 * written. Anything else that escapes is a bug.
 */
export abstract class BriefingError extends Error {
  abstract readonly exitCode: 1 | 2 | 3;
  abstract format(): string;
}

/** An input the pipeline refuses: carries a located, human-readable reason and exit code 2. */
export class InputError extends BriefingError {
  readonly exitCode = 2;
  readonly file: string;
  readonly line: number | null;
  readonly column: number | null;
  readonly ruleId: string;
  /** further refusals found in the same pass (e.g. every unknown figure of a checks file), printed after this one */
  readonly others: InputError[] = [];
  /** what might fix it ("did you mean …"), printed under the located line */
  readonly hints: readonly string[];

  constructor(
    reason: string,
    options: { file: string; ruleId: string; line?: number | null; column?: number | null; cause?: unknown; hints?: readonly string[] },
  ) {
    super(reason, { cause: options.cause });
    this.name = 'InputError';
    this.file = options.file;
    this.ruleId = options.ruleId;
    this.line = options.line ?? null;
    this.column = options.column ?? null;
    this.hints = options.hints ?? [];
  }

  /** "file:line:column: reason [ruleId]" – the way every refusal is printed, one line each. */
  format(): string {
    return this.all().map((e) => e.formatOne()).join('\n');
  }

  /** this refusal and the others found with it */
  all(): InputError[] {
    return [this, ...this.others];
  }

  private formatOne(): string {
    const place = this.line ? `:${this.line}${this.column ? `:${this.column}` : ''}` : '';
    return `${this.file}${place}: error: ${this.message} [${this.ruleId}]${this.hints.map((h) => `\n    ${h}`).join('')}`;
  }

  /** One error standing for several found in one pass: the first, carrying the rest. */
  static together(errors: InputError[]): InputError {
    const [first, ...rest] = errors;
    if (!first) throw new Error('InputError.together needs at least one error');
    first.others.push(...rest);
    return first;
  }
}

/** What a file-system error code means, for a person. */
const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'a file stands where a folder is needed',
  EISDIR: 'a folder stands where a file is needed',
  ENOENT: 'a folder cannot be created there',
  EEXIST: 'something else already exists there',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
  ELOOP: 'too many symbolic links (a link that points at itself?)',
  ENAMETOOLONG: 'a file name or path too long',
  EBUSY: 'the folder is in use (a mount point, or open in another program)',
};

/**
 * The output folder cannot be written (full disk, read-only, no permission, a file in the way):
 * one located line and exit code 3 — not the briefing's fault, and no earlier output is harmed.
 */
export class OutputError extends BriefingError {
  readonly exitCode = 3;
  readonly path: string;
  readonly code: string;

  constructor(path: string, code: string, action: string, options: { cause?: unknown } = {}) {
    super(`${REASONS[code] ?? code.toLowerCase()} while ${action}`, { cause: options.cause });
    this.name = 'OutputError';
    this.path = path;
    this.code = code;
  }

  /** "out/r6: error: no space left on device while writing contacts.xlsx [write-failed]" */
  format(): string {
    return `${this.path}: error: ${this.message} [write-failed]`;
  }

  /** The errors of the file system that mean "this folder cannot take the outputs"; others stay bugs. */
  static is(err: unknown): err is NodeJS.ErrnoException {
    const code = (err as NodeJS.ErrnoException | null)?.code;
    return typeof code === 'string' && code in REASONS;
  }
}

/** No Chrome or Chromium to print with: exit 2, with where it was looked for. */
export class BrowserNotFoundError extends BriefingError {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'BrowserNotFoundError';
  }

  format(): string {
    return `error: ${this.message}`;
  }
}

/** The printed packs (or the staff report) did not read back as they must: nothing is written, exit 1. */
export class PackVerificationError extends BriefingError {
  readonly exitCode = 1;
  constructor(readonly verification: { ok: boolean; problems: readonly { pack: string; check: string; message: string }[] }) {
    super(`${verification.problems.length} problem(s) in the printed packs: ${verification.problems.slice(0, 5).map((p) => `${p.pack}: ${p.message}`).join('; ')}`);
    this.name = 'PackVerificationError';
  }

  format(): string {
    return `error: the printed packs failed verification; nothing was written\n${this.verification.problems.map((p) => `  ${p.pack}: ${p.message}`).join('\n')}`;
  }
}
