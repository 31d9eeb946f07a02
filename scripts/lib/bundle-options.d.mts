import type { BuildOptions } from 'esbuild';

export declare const ELECTRON_BUNDLE_OPTIONS: BuildOptions;
