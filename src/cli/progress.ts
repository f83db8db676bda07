// A one-line progress display on stderr, shown only when stderr is a terminal.
export class Progress {
  private last = 0;
  private readonly t0 = Date.now();
  constructor(private readonly enabled: boolean) {}

  update(docs: number, events: number, bytes: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 200) return;
    this.last = now;
    const s = (now - this.t0) / 1000 || 1;
    process.stderr.write(`\r\x1b[Kcoding: ${docs} articles, ${events} events, ${(docs / s).toFixed(1)} articles/s, ${(bytes / 1e6 / s).toFixed(2)} MB/s`);
  }

  done(): void {
    if (this.enabled) process.stderr.write("\r\x1b[K");
  }
}
