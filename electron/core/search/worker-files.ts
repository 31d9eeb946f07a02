// The content files carried to the index worker in two buffers that are moved, not copied. Given as the worker's
// data, the national fiches' 3,000 files (27 million characters) were cloned on the main thread when the worker
// started: a 155 ms pause of the window at every rebuild. Packed a step at a time, then transferred, they cost
// the window a few milliseconds at a time.
import type { ContentFile } from '../knowledge/content-files';

/** Every path and text in UTF-8, one after the other; `ends[2i]` ends file i's path, `ends[2i + 1]` its text. */
export interface PackedFiles {
  bytes: Uint8Array;
  ends: Uint32Array;
  /** The few files not read, by number, with why (`ContentFile.problem`). */
  problems: Array<[number, string]>;
}

/** Files encoded per step: about 2 MB of text, a millisecond or two. */
const FILES_PER_STEP = 200;

/** `files` packed, a step (FILES_PER_STEP files) at a time; see `stepThrough`. */
export function* packFilesInSteps(files: readonly ContentFile[]): Generator<void, PackedFiles> {
  // Measuring 27 million characters takes 20 ms: in steps as well.
  let size = 0;
  for (let i = 0; i < files.length; i++) {
    const file = files[i] as ContentFile;
    size += Buffer.byteLength(file.path) + Buffer.byteLength(file.text);
    if ((i + 1) % FILES_PER_STEP === 0) yield;
  }
  yield;
  // A buffer of its own (never one of Node's shared pool's slices): it is transferred whole.
  const bytes = Buffer.allocUnsafeSlow(size);
  const ends = new Uint32Array(2 * files.length);
  const problems: Array<[number, string]> = [];
  let at = 0;
  for (let i = 0; i < files.length; i++) {
    const file = files[i] as ContentFile;
    if (file.problem !== undefined) problems.push([i, file.problem]);
    at += bytes.write(file.path, at, 'utf8');
    ends[2 * i] = at;
    at += bytes.write(file.text, at, 'utf8');
    ends[2 * i + 1] = at;
    if ((i + 1) % FILES_PER_STEP === 0) yield;
  }
  return { bytes, ends, problems };
}

/** The buffers to transfer with `packed`. */
export function transferablesOf(packed: PackedFiles): ArrayBuffer[] {
  return [packed.bytes.buffer as ArrayBuffer, packed.ends.buffer as ArrayBuffer];
}

/** The files `packFilesInSteps` packed (in the worker). */
export function unpackFiles(packed: PackedFiles): ContentFile[] {
  const { bytes, ends } = packed;
  const problems = new Map(packed.problems);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const files: ContentFile[] = [];
  let at = 0;
  for (let i = 0; 2 * i + 1 < ends.length; i++) {
    const pathEnd = ends[2 * i] ?? at;
    const textEnd = ends[2 * i + 1] ?? pathEnd;
    const file: ContentFile = {
      path: buffer.toString('utf8', at, pathEnd),
      text: buffer.toString('utf8', pathEnd, textEnd),
    };
    const problem = problems.get(i);
    if (problem !== undefined) file.problem = problem;
    files.push(file);
    at = textEnd;
  }
  return files;
}
