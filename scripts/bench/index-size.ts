// npx tsx scripts/bench/index-size.ts [--fiches N]: the persisted index of the synthetic corpus, section by
// section, and its cold load (read + decode + engine + first search). The built search data is cached in the
// system's temporary folder (keyed by the fiche count), so a change of the layout is measured in seconds.
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import { readContentFolder } from '../../electron/core/knowledge/content-files';
import { parseKnowledge } from '../../electron/core/knowledge/parse';
import { SearchEngine } from '../../electron/core/search/engine';
import { readIndexFile } from '../../electron/core/search/index-file';
import { buildSearchData, publishedFiches } from '../../electron/core/search/index-build';
import { encodeSearchData, PackedIndex, SECTION_NAMES } from '../../electron/core/search/packed-index';
import type { SearchData } from '../../electron/core/search/search-data';
import { DEMO_CONTENT_DIR } from '../lib/paths';
import { syntheticFiches, syntheticSource } from './synthetic-corpus';

const { values } = parseArgs({ options: { fiches: { type: 'string', default: '20000' } } });
const count = Number(values.fiches);
const cacheDir = join(tmpdir(), 'infocite-index-size');
mkdirSync(cacheDir, { recursive: true });
const cache = join(cacheDir, `synthetic-${count}.v8`);

function build(): SearchData {
  if (existsSync(cache)) return deserialize(readFileSync(cache)) as SearchData;
  const demo = readContentFolder(DEMO_CONTENT_DIR);
  const nationalDir = process.env.NATIONAL_DIR;
  const sourceFiles = nationalDir
    ? [
        ...demo.files,
        ...readContentFolder(nationalDir).files.map((f) => ({ ...f, path: `national/${f.path}` })),
      ]
    : demo.files;
  const themes = parseKnowledge(demo.files).themes.map((theme) => theme.id);
  const generated = syntheticFiches(syntheticSource(publishedFiches(parseKnowledge(sourceFiles))), {
    count,
    seed: 20_201_112,
    themes,
  });
  const started = performance.now();
  const data = buildSearchData([...demo.files, ...generated], `synthetic-${count}`);
  console.log(`built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  writeFileSync(cache, serialize(data));
  return data;
}

const data = build();
let started = performance.now();
const bytes = encodeSearchData(data);
console.log(`encoded in ${(performance.now() - started).toFixed(0)} ms`);
const file = join(cacheDir, 'search-index.bin');
writeFileSync(file, bytes);
const { sections } = readIndexFile(bytes, false);
const mb = (n: number) => (n / 1e6).toFixed(1).padStart(6);
sections.forEach((section, i) =>
  console.log(`${(SECTION_NAMES[i] ?? String(i)).padEnd(16)} ${mb(section.length)} MB`),
);
console.log(`${'total'.padEnd(16)} ${mb(bytes.length)} MB`);
for (let round = 0; round < 3; round++) {
  started = performance.now();
  const read = readFileSync(file);
  const readMs = performance.now() - started;
  const packed = new PackedIndex(read, true);
  const decodedMs = performance.now() - started;
  const engine = new SearchEngine(packed);
  const engineMs = performance.now() - started;
  engine.search('carte grise', { limit: 20 });
  const firstMs = performance.now() - started;
  console.log(
    `cold: read ${readMs.toFixed(0)} ms, decoded ${decodedMs.toFixed(0)} ms, engine ${engineMs.toFixed(0)} ms, first result ${firstMs.toFixed(0)} ms`,
  );
}
