// The kiosk mode of the desktop app (`--borne`): its window and its decisions, pure so they are unit-tested.
// The kiosk window is the only window; every IPC call it makes is marked as a kiosk call, so the core answers
// it only the kiosk's methods (common/borne/methods.ts), whatever the page asks.
import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL } from '../server/app-assets';
import { windowOptions } from './security';

/** The same built renderer; `?borne` makes its entry draw the kiosk. */
export const KIOSK_ENTRY_URL = `${APP_ENTRY_URL}?borne`;

/** Fullscreen kiosk (no way out to the desktop), no menu, no developer tools; the app's own hardening kept. */
export function kioskWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  const base = windowOptions(preloadPath);
  return {
    ...base,
    title: "Info'Cité — borne d'information",
    kiosk: true,
    fullscreen: true,
    frame: false,
    autoHideMenuBar: true,
    webPreferences: { ...base.webPreferences, devTools: false },
  };
}

export type KioskPrintAction = 'check' | 'print';

export function isKioskPrintAction(value: unknown): value is KioskPrintAction {
  return value === 'check' || value === 'print';
}
