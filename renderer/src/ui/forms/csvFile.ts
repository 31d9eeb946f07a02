// Spreadsheets save CSV files in UTF-8 or, for Excel's « CSV (séparateur : point-virgule) » under Windows, in
// Windows-1252: read as UTF-8, every accent of such a file would come out as « � ». Pure, tested under Node.

export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** The example shown on the import page, which is also a valid file. */
export const CSV_EXAMPLE = [
  'nom;prenom;service;courriel;point;debut',
  'Durand;Léa;État civil;lea.durand@montrouval.fr;mairie-centre;15/01/2025',
  'Martin;Paul;CCAS;;ccas-accueil-sud;2025-03-01',
].join('\n');
