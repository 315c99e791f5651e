// Bytes → text and text → lines for every text reader: UTF-8 (BOM dropped; Windows-1252 when the bytes are not
// valid UTF-8, as older European exports with '°' or 'µ' are), any line ending (LF, CRLF, CR).

const utf8 = new TextDecoder('utf-8', { fatal: true });
const windows1252 = new TextDecoder('windows-1252');

/** Decode bytes (or pass a string through) and drop a leading byte-order mark. */
export function toText(input: string | Uint8Array): string {
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    try { text = utf8.decode(input); } catch { text = windows1252.decode(input); }
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Split text into lines on LF, CRLF or lone CR; a final empty line after the last terminator is dropped. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
