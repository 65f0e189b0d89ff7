/** Progress lines on stderr, only when stderr is a terminal and --quiet was not given. */
export interface Progress {
  step(message: string): void;
}

export function makeProgress(quiet: boolean | undefined): Progress {
  const show = !quiet && process.stderr.isTTY === true;
  return {
    step(message: string) {
      if (show) process.stderr.write(`· ${message}\n`);
    },
  };
}
