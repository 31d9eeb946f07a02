import { describe, expect, it } from 'vitest';
import { windowOptions } from './security';
import { KIOSK_ENTRY_URL, isKioskPrintAction, kioskWindowOptions } from './borne';

describe('the kiosk window', () => {
  const options = kioskWindowOptions('/app/dist-electron/preload.cjs');

  it('is a fullscreen kiosk without menu, frame or developer tools', () => {
    expect(options).toMatchObject({ kiosk: true, fullscreen: true, frame: false, autoHideMenuBar: true });
    expect(options.webPreferences?.devTools).toBe(false);
  });

  it('keeps every hardening of the agents’ window', () => {
    const { devTools, ...web } = options.webPreferences ?? {};
    expect(devTools).toBe(false);
    expect(web).toEqual(windowOptions('/app/dist-electron/preload.cjs').webPreferences);
  });

  it('loads the same renderer with the kiosk entry', () => {
    expect(KIOSK_ENTRY_URL).toBe('app://infocite/index.html?borne');
  });

  it('takes only the two print requests', () => {
    expect(isKioskPrintAction('check')).toBe(true);
    expect(isKioskPrintAction('print')).toBe(true);
    expect(isKioskPrintAction('printToPDF')).toBe(false);
    expect(isKioskPrintAction(undefined)).toBe(false);
  });
});
