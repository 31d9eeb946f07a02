// The esbuild options of every Electron-side bundle (main, preload, workers): shared by the build and the
// benchmark, which measures the index worker as the app ships it.
export const ELECTRON_BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // better-sqlite3 finds its native module relative to its own files: it stays in node_modules (unpacked).
  external: ['electron', 'better-sqlite3'],
  // import.meta.url only serves to start TypeScript workers in development (electron/core/worker-thread.ts);
  // the bundles start their .cjs workers by path, so it is never read there.
  define: { 'import.meta.url': 'undefined' },
};
