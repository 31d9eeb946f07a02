import { modeLabel, useDeskStatus } from './deskStatus';

/** Réglages: how this desk runs (standalone, or connected to the city's server). */
export function DeskModeSection() {
  const status = useDeskStatus();
  return (
    <section className="card admin-section" aria-labelledby="desk-mode-title">
      <h2 id="desk-mode-title">Mode de fonctionnement</h2>
      <p data-testid="desk-mode">{status ? modeLabel(status) : 'Chargement…'}</p>
      {status?.mode === 'relie' && (
        <p className="hint">
          Les contacts sont d’abord enregistrés sur ce poste, puis envoyés au serveur de la ville ; la
          recherche reste possible hors ligne.
        </p>
      )}
    </section>
  );
}
