// The city server's address as given on a command line (`--server URL`, the preview and the Electron app):
// http or https only, no user name or password in it, no query or fragment; normalised to end with « / » so
// that `api/<method>` resolves under it (a server behind a reverse proxy may live under a path).

/** The address, normalised; throws an Error with a French message when it cannot be one. */
export function parseServerUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new Error(`Adresse de serveur invalide : « ${text} » (exemple : https://infocite.ville.fr/).`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`Adresse de serveur invalide : « ${text} » doit commencer par https:// (ou http://).`);
  if (url.username || url.password)
    throw new Error('Adresse de serveur invalide : elle ne doit contenir ni identifiant ni mot de passe.');
  if (url.search || url.hash)
    throw new Error(`Adresse de serveur invalide : « ${text} » ne doit contenir ni « ? » ni « # ».`);
  if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`;
  return url.toString();
}
