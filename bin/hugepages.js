// Large typed arrays (a 200 MB C3D becomes ~220 MB of Float32Arrays) come from glibc malloc → mmap, and on Linux
// every 4 KiB page then costs a page fault on first write; on virtual machines that alone caps a read near 300 MB/s.
// glibc ≥ 2.35 can ask for transparent huge pages on those mappings (tunable glibc.malloc.hugetlb=1 → madvise), which
// cuts the faults 512-fold. Tunables are read only at process start, so `kinetwin` re-launches itself once with it.
// Off with KINETWIN_HUGEPAGES=0; skipped off Linux, when THP is disabled system-wide, or when already set.
import { readFileSync } from 'node:fs';

/** Transparent huge pages mode from /sys (always | madvise | never), or null when unknown. */
export function thpMode(read = (p) => readFileSync(p, 'utf8')) {
  try {
    const m = /\[(\w+)\]/.exec(read('/sys/kernel/mm/transparent_hugepage/enabled'));
    return m ? m[1] : null;
  } catch {
    return null;
  }
}

/** The environment to re-launch with, or null when the current process should simply go on. */
export function hugePageEnv(env, platform, mode) {
  if (platform !== 'linux' || env.KINETWIN_HUGEPAGES === '0') return null;
  if (mode !== 'madvise' && mode !== 'always') return null;
  const tunables = env.GLIBC_TUNABLES ?? '';
  if (/(^|:)glibc\.malloc\.hugetlb=/.test(tunables)) return null;
  return { ...env, GLIBC_TUNABLES: tunables ? `${tunables}:glibc.malloc.hugetlb=1` : 'glibc.malloc.hugetlb=1' };
}
