import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp';

// Users run `kinetwin` from their data folders: worker threads must find their loader from the install, not the cwd.
describe('kinetwin run from another working directory', () => {
  it('starts its simulation worker and returns a landing', () => {
    const cwd = tempDir();
    const bin = join(__dirname, '..', '..', 'bin', 'kinetwin.js');
    const r = spawnSync(process.execPath, [bin, 'simulate', 'landing', '--height', '0.3', '--mass', '70', '--stature', '1.75', '--json', '--db', join(cwd, 'k.db')], { cwd, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const peak = (JSON.parse(r.stdout) as { peakVerticalGrfBw: number }).peakVerticalGrfBw;
    expect(peak).toBeGreaterThan(2);
    expect(peak).toBeLessThan(6);
  });
});
