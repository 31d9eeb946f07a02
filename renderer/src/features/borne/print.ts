// Printing a fiche at the kiosk: in Electron's kiosk window, on the default printer without a dialog, and only
// when a printer is installed; in a browser, its print (a kiosk browser started with --kiosk-printing prints
// at once). Whether the kiosk offers it at all is a setting (Réglages, « Borne d'accueil »).

/** Whether to show « Imprimer »: the browser cannot tell, Electron asks the system for its printers. */
export async function printerAvailable(): Promise<boolean> {
  const bridge = window.infocite;
  if (!bridge?.borneImprimer) return true;
  try {
    const answer = await bridge.borneImprimer('check');
    return answer.ok && answer.result;
  } catch {
    return false;
  }
}

/** Prints the page; resolves with a French message when it could not. */
export async function printPage(): Promise<string | null> {
  const bridge = window.infocite;
  if (!bridge?.borneImprimer) {
    window.print();
    return null;
  }
  try {
    const answer = await bridge.borneImprimer('print');
    if (!answer.ok) return answer.error.message;
    return answer.result ? null : 'Aucune imprimante n’est reliée à cette borne.';
  } catch {
    return 'L’impression n’a pas pu être lancée.';
  }
}
