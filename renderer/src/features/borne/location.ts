// Which entry a page is: the kiosk at /borne (the preview and the city server) or with ?borne (the Electron
// kiosk window, on app://infocite/index.html?borne). Choosing the kiosk here only picks what is drawn: what a
// kiosk may call is decided by the transport (the kiosk window's IPC, /borne/api), never by the page.

export function isBorneLocation(location: { pathname: string; search: string }): boolean {
  if (/\/borne$/.test(location.pathname)) return true;
  return new URLSearchParams(location.search).has('borne');
}
