export interface ElectronSqliteOptions {
  electronVersion?: string;
  projectRoot?: string;
  source?: string;
  build?: (work: string, electronVersion: string) => boolean;
}

export function nodeSqliteDir(): string;
export function electronSqlitePath(electronVersion: string, projectRoot?: string): string;
export function packagedSqlitePath(projectRoot?: string): string;
export function assertOutsideNodeCopy(file: string, source?: string): void;
export function ensureElectronSqlite(options?: ElectronSqliteOptions): string | null;
export function stagePackagedSqlite(options?: ElectronSqliteOptions): string | null;
export function electronBuildEnv(env?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
