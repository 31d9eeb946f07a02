// DILA's `vosdroits` archive, as a zip or as the folder it unzips to → its XML files, by name.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { unzipSync } from 'fflate';

export interface ArchiveFile {
  /** File name without folder, e.g. `F1344.xml`. */
  name: string;
  text: string;
}

/** The archive cannot be read at all (the import stops with this French message). */
export class ArchiveError extends Error {}

const XML_FILE = /\.xml$/i;
const decoder = new TextDecoder('utf-8');

/** Keeps one file per name (the first in path order) and sorts by name, so runs are reproducible. */
function byName(entries: Array<{ path: string; read: () => Uint8Array }>): ArchiveFile[] {
  const files = new Map<string, ArchiveFile>();
  for (const entry of [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const name = basename(entry.path);
    if (files.has(name)) continue;
    // TextDecoder drops a byte order mark; invalid bytes become U+FFFD rather than failing the whole run.
    files.set(name, { name, text: decoder.decode(entry.read()) });
  }
  return [...files.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function readZip(path: string, bytes: Uint8Array): ArchiveFile[] {
  let entries;
  try {
    entries = unzipSync(bytes, {
      filter: (file) => XML_FILE.test(file.name) && !file.name.startsWith('__MACOSX/'),
    });
  } catch (error) {
    throw new ArchiveError(
      `L'archive « ${path} » est illisible (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  return byName(
    Object.entries(entries)
      .filter(([name]) => !name.endsWith('/'))
      .map(([name, data]) => ({ path: name.replace(/\\/g, '/'), read: () => data })),
  );
}

function readFolder(dir: string): ArchiveFile[] {
  const paths = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((path) => XML_FILE.test(path));
  return byName(
    paths
      .filter((path) => statSync(join(dir, path)).isFile())
      .map((path) => ({ path: path.replace(/\\/g, '/'), read: () => readFileSync(join(dir, path)) })),
  );
}

/** Reads every `.xml` file of a zip archive or of a folder (sub-folders included). */
export function readArchive(path: string): ArchiveFile[] {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new ArchiveError(`« ${path} » n'existe pas.`);
  }
  if (stat.isDirectory()) return readFolder(path);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new ArchiveError(
      `Impossible de lire « ${path} » (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  // Local file header or end of central directory (an empty zip): "PK\x03\x04" / "PK\x05\x06".
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05);
  if (!isZip) throw new ArchiveError(`« ${path} » n'est ni une archive zip ni un dossier.`);
  return readZip(path, bytes);
}
