// What routing looks at: file name, magic bytes and the first text lines of a file's opening bytes.

export interface Sniff {
  fileName: string;
  extension: string; // lower-case, without the dot ('' when none)
  byteLength: number; // bytes examined
  binary: boolean; // NUL bytes or mostly non-text
  magic: string | null; // recognised signature: 'c3d' | 'dicom' | 'dicom-nometa' | 'nifti' | 'png' | 'jpeg' | 'zip' | 'gzip' | 'pdf'
  headHex: string; // first 16 bytes as hex, for the prompt
  headerLines: string[]; // first text lines (≤ 30, each ≤ 300 chars); empty for binary files
}

const MAX_LINES = 30;
const MAX_LINE = 300;

const DICOM_VRS = new Set(['AE', 'AS', 'AT', 'CS', 'DA', 'DS', 'DT', 'FL', 'FD', 'IS', 'LO', 'LT', 'OB', 'OW', 'PN', 'SH', 'SL', 'SQ', 'SS', 'ST', 'TM', 'UI', 'UL', 'US', 'UT']);

function magicOf(b: Uint8Array): string | null {
  if (b.length >= 132 && b[128] === 0x44 && b[129] === 0x49 && b[130] === 0x43 && b[131] === 0x4d) return 'dicom';
  if (b.length >= 4 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return 'zip';
  if (b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b) return 'gzip';
  if (b.length >= 4 && b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46) return 'pdf';
  // NIfTI-1: sizeof_hdr = 348 (either byte order) and magic 'n+1\0' or 'ni1\0' at 344
  if (b.length >= 348) {
    const le = b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24);
    const be = (b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3];
    if ((le === 348 || be === 348) && b[344] === 0x6e && (b[345] === 0x2b || b[345] === 0x69) && b[346] === 0x31) return 'nifti';
  }
  // C3D: byte 1 is 0x50, byte 0 points at the parameter section (512-byte block ≥ 2) whose 4th byte is the
  // processor type 84–86 (Intel, DEC, MIPS); when that block is beyond the sniffed bytes, require block 2
  if (b.length >= 512 && b[1] === 0x50 && b[0] >= 2) {
    const p = (b[0] - 1) * 512 + 3;
    if (p < b.length ? b[p] >= 84 && b[p] <= 86 : b[0] === 2) return 'c3d';
  }
  // DICOM without a preamble: an (0008,xxxx) tag near the start followed by an explicit VR or a short length
  for (let i = 0; i + 8 <= Math.min(b.length, 16); i++) {
    if (b[i] !== 0x08 || b[i + 1] !== 0x00 || b[i + 3] !== 0x00) continue;
    const vr = String.fromCharCode(b[i + 4], b[i + 5]);
    if (DICOM_VRS.has(vr) || (b[i + 6] === 0 && b[i + 7] === 0 && b[i + 5] === 0)) return 'dicom-nometa';
  }
  return null;
}

function looksBinary(b: Uint8Array): boolean {
  const n = Math.min(b.length, 4096);
  if (n === 0) return false;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i];
    if (c === 0) return true;
    if (c < 9 || (c > 13 && c < 32)) odd++;
  }
  return odd / n > 0.1;
}

/** Sniff a file from its name and opening bytes (pass the first 64 KiB or less). */
export function sniff(fileName: string, bytes: Uint8Array): Sniff {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  const extension = dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
  const binaryBytes = looksBinary(bytes);
  // text can't be C3D or DICOM ('FP1\tFP2' has 0x50 at byte 1 too)
  const found = magicOf(bytes);
  const magic = found !== null && !binaryBytes && (found === 'c3d' || found === 'dicom-nometa') ? null : found;
  const binary = magic !== null || binaryBytes;
  let headHex = '';
  for (let i = 0; i < Math.min(16, bytes.length); i++) headHex += bytes[i].toString(16).padStart(2, '0');
  let headerLines: string[] = [];
  if (!binary) {
    const text = new TextDecoder('utf-8').decode(bytes.subarray(0, Math.min(bytes.length, 65536)));
    headerLines = text.replace(/^\uFEFF/, '').split(/\r?\n/).slice(0, MAX_LINES).map((l) => l.slice(0, MAX_LINE));
    if (headerLines.length > 1 && headerLines[headerLines.length - 1] === '') headerLines.pop();
  }
  return { fileName: base, extension, byteLength: bytes.length, binary, magic, headHex, headerLines };
}
