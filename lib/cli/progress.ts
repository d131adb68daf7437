/**
 * A one-line progress bar on an interactive terminal; silent in CI, pipes and files.
 */
export interface Progress {
  tick(done: number, total: number, what: string): void;
  done(): void;
}

/** A progress bar writing to `stream` when it is a TTY and CI is not set; otherwise a no-op. */
export function progressBar(stream: NodeJS.WriteStream = process.stderr, env: NodeJS.ProcessEnv = process.env): Progress {
  const live = Boolean(stream.isTTY) && !env.CI;
  let shown = false;
  return {
    tick(done, total, what) {
      if (!live) return;
      const width = 24;
      const filled = total ? Math.round((done / total) * width) : width;
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${what}`.slice(0, (stream.columns || 80) - 1).padEnd(Math.min(79, (stream.columns || 80) - 1)));
      shown = true;
    },
    done() {
      if (live && shown) stream.write('\n');
    },
  };
}
