import { describe, expect, it } from 'vitest';
import { findElectronBinary } from './electron-binary.mjs';

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
