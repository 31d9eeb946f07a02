// Placeholder until the accounts' window lands: who is logged in, « Changer d'agent », « Se déconnecter ».
export function SessionMenu() {
  return null;
}
