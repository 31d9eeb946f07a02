import { describe, expect, it } from 'vitest';
import { findElectronBinary, pinnedElectronVersion } from './electron-binary.mjs';

describe('findElectronBinary', () => {
  it('returns the path the electron package exports when the file exists', () => {
    const binary = findElectronBinary(
      () => '/opt/electron/electron',
      (file) => file === '/opt/electron/electron',
    );
    expect(binary).toBe('/opt/electron/electron');
  });

  it('returns null when the package throws because its binary was never downloaded', () => {
    const load = (): unknown => {
      throw new Error('Electron failed to install correctly, please delete node_modules/electron');
    };
    expect(findElectronBinary(load, () => true)).toBeNull();
  });

  it('returns null when the exported path does not exist', () => {
    expect(
      findElectronBinary(
        () => '/nowhere/electron',
        () => false,
      ),
    ).toBeNull();
  });

  it('returns null when the package exports something other than a path', () => {
    expect(
      findElectronBinary(
        () => ({}),
        () => true,
      ),
    ).toBeNull();
    expect(
      findElectronBinary(
        () => '',
        () => true,
      ),
    ).toBeNull();
  });

  it('answers for this machine without throwing', () => {
    const binary = findElectronBinary();
    expect(binary === null || typeof binary === 'string').toBe(true);
  });
});

describe('pinnedElectronVersion', () => {
  it("reads electron-builder.yml's electronVersion, quoted or not", () => {
    expect(pinnedElectronVersion('appId: x\nelectronVersion: 41.7.1\n')).toBe('41.7.1');
    expect(pinnedElectronVersion("electronVersion: '41.7.1' # pinned\n")).toBe('41.7.1');
    expect(pinnedElectronVersion()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('refuses a configuration without an exact version', () => {
    expect(() => pinnedElectronVersion('appId: x\n')).toThrow(/electronVersion/);
    expect(() => pinnedElectronVersion('electronVersion: ^41.7.1\n')).toThrow(/electronVersion/);
  });
});
