// A one-line progress display on stderr, shown only when stderr is a terminal, redrawn at most five times a second.
export class Progress {
  private last = 0;
  readonly t0 = Date.now();
  constructor(private readonly enabled: boolean) {}

  /** Redraws the line; `line` gets the seconds since the start and is only called when the line is drawn. */
  update(line: (seconds: number) => string): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 200) return;
    this.last = now;
    process.stderr.write(`\r\x1b[K${line((now - this.t0) / 1000 || 1)}`);
  }

  done(): void {
    if (this.enabled) process.stderr.write("\r\x1b[K");
  }
}
