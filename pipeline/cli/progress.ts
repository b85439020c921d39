import cliProgress from 'cli-progress';

export interface ProgressReporter {
  onProgress(done: number, total: number, name: string): void;
  /** ends the bar (or prints nothing more); call it whether the run succeeded or not */
  stop(): void;
}

/** A bar on a terminal, one plain line per pack otherwise (CI logs, pipes). */
export function createProgressReporter(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  if (!stream.isTTY) {
    return {
      onProgress: (done, total, name) => void stream.write(`pdf ${done}/${total} ${name}\n`),
      stop: () => undefined,
    };
  }
  const bar = new cliProgress.SingleBar(
    { stream, format: 'PDF packs [{bar}] {value}/{total} {name}', hideCursor: true, clearOnComplete: false, barsize: 30 },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    onProgress(done, total, name) {
      if (!started) bar.start(total, 0, { name: '' });
      started = true;
      bar.update(done, { name });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
