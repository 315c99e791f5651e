// A one-line progress bar on stderr (redrawn in place on a terminal, at most every 10% otherwise).
export function createProgressBar(stream: NodeJS.WriteStream, enabled: boolean) {
  let lastDecile = -1;
  let lastDraw = 0;
  return (done: number, total: number, label: string): void => {
    if (!enabled || total <= 0) return;
    const frac = Math.min(1, Math.max(0, done / total));
    if (stream.isTTY) {
      const now = Date.now();
      if (frac < 1 && now - lastDraw < 80) return;
      lastDraw = now;
      const width = 30;
      const filled = Math.round(frac * width);
      stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(frac * 100).toFixed(0).padStart(3)}% (${done}/${total})`);
      if (frac >= 1) stream.write('\n');
      return;
    }
    const decile = Math.floor(frac * 10);
    if (decile === lastDecile) return;
    lastDecile = decile;
    stream.write(`${label}: ${decile * 10}% (${done}/${total})\n`);
  };
}
