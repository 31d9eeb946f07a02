export function findElectronBinary(
  load?: (id: string) => unknown,
  exists?: (path: string) => boolean,
): string | null;

export function pinnedElectronVersion(configText?: string): string;
