// Bundles the Electron main process, the preload and the search worker to CommonJS in dist-electron/.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { ELECTRON_BUNDLE_OPTIONS } from './lib/bundle-options.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist-electron');

const entries = [
  { source: 'electron/main/main.ts', output: 'main.cjs', required: true },
  { source: 'electron/main/preload.ts', output: 'preload.cjs', required: true },
  // Written alongside this script: skipped with a warning until it exists.
  { source: 'electron/core/search/index-worker.ts', output: 'index-worker.cjs', required: true },
  { source: 'electron/core/import/import-worker.ts', output: 'import-worker.cjs', required: true },
];

let failed = false;
for (const entry of entries) {
  const source = path.join(root, entry.source);
  const outfile = path.join(outDir, entry.output);
  if (!existsSync(source)) {
    if (entry.required) {
      console.error(`✗ ${entry.source} is missing`);
      failed = true;
    } else {
      console.warn(`! ${entry.source} does not exist yet: ${path.relative(root, outfile)} not built`);
    }
    continue;
  }
  try {
    const result = await build({
      ...ELECTRON_BUNDLE_OPTIONS,
      entryPoints: [source],
      outfile,
      sourcemap: true,
      metafile: true,
      logLevel: 'warning',
    });
    const bytes =
      result.metafile.outputs[path.relative(process.cwd(), outfile).split(path.sep).join('/')]?.bytes;
    const size = bytes === undefined ? '' : ` (${(bytes / 1024).toFixed(1)} KiB)`;
    console.log(`✓ ${entry.source} → ${path.relative(root, outfile)}${size}`);
  } catch {
    // esbuild has already printed the errors.
    console.error(`✗ ${entry.source} could not be bundled`);
    failed = true;
  }
}

if (failed) process.exit(1);
