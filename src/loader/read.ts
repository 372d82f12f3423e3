import { readFile } from 'node:fs/promises';
import type { Diagnostic } from '../model/source.js';
import { errorAt, fileLoc } from './diagnostic.js';
import { accessError, type InputFile } from './files.js';

/** Files larger than this are refused before parsing; the limit bounds memory, not features. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Reads one file as UTF-8 text, refusing what is too big, binary, or not UTF-8. */
export async function readSource(
  file: InputFile,
  options: { maxBytes?: number } = {},
): Promise<{ text: string } | { diagnostic: Diagnostic }> {
  const maxBytes = options.maxBytes ?? MAX_FILE_BYTES;
  let bytes: Buffer;
  try {
    bytes = await readFile(file.absolute);
  } catch (error: unknown) {
    return { diagnostic: accessError(file.display, error) };
  }
  const where = fileLoc(file.display);
  if (bytes.length > maxBytes) {
    const message = `${file.display} is ${bytes.length} bytes, over the ${maxBytes}-byte limit per file.`;
    return {
      diagnostic: errorAt('file-too-large', message, where, {
        hint: 'split the declarations over several files in one directory',
      }),
    };
  }
  if (hasUtf16Bom(bytes)) {
    return {
      diagnostic: errorAt('file-encoding', `${file.display} is UTF-16; bwsync reads UTF-8 only.`, where, {
        hint: 'save the file as UTF-8',
      }),
    };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return {
      diagnostic: errorAt(
        'file-binary',
        `${file.display} is not a text file (NUL byte at offset ${nul}).`,
        at(file, bytes, nul),
      ),
    };
  }
  try {
    const text = decoder.decode(bytes);
    // A UTF-8 byte order mark is legal but not YAML content.
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    return {
      diagnostic: errorAt(
        'file-encoding',
        `${file.display} is not valid UTF-8 (byte 0x${(bytes[offset] ?? 0).toString(16)} at offset ${offset}).`,
        at(file, bytes, offset),
        { hint: 'save the file as UTF-8' },
      ),
    };
  }
}

function hasUtf16Bom(bytes: Buffer): boolean {
  return (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  );
}

/** Line and column of a byte offset, counting columns in bytes (good enough to find the spot). */
function at(file: InputFile, bytes: Buffer, offset: number): Diagnostic['loc'] {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { file: file.display, line, col: offset - lineStart + 1, path: '' };
}

/** Offset of the first byte that breaks UTF-8; only called once decoding has failed. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need =
      b < 0x80
        ? 0
        : b >= 0xc2 && b <= 0xdf
          ? 1
          : b >= 0xe0 && b <= 0xef
            ? 2
            : b >= 0xf0 && b <= 0xf4
              ? 3
              : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return Math.max(0, bytes.length - 1);
}
