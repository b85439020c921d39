/** What every command registration gets: the package version, and how to end with exit code 1. */
export interface CliContext {
  version: string;
  /** the briefing has errors: exit 1 once the command is done */
  fail(): void;
}
