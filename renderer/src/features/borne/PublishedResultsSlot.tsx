/**
 * The place of the published results (« résultats publiés », issue 15) on the kiosk's home. Shows nothing until
 * a public method gives them: then add that method to KIOSK_METHODS (common/borne/methods.ts) and draw its
 * answer here — the home already leaves room for it.
 */
export function PublishedResultsSlot() {
  return null;
}
