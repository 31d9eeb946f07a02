import type { BorneAccueil } from '../../../../common/borne/methods';
import type { ThemeRef } from '../../../../common/contract';
import { LabelPromise } from './LabelPromise';
import { PublishedResultsSlot } from './PublishedResultsSlot';
import { SatisfactionTap } from './SatisfactionTap';

/** The home: thèmes to browse, the services' hours, what the label promises, the published results. */
export function BorneHome({
  accueil,
  onTheme,
  onServices,
}: {
  accueil: BorneAccueil;
  onTheme: (theme: ThemeRef) => void;
  onServices: () => void;
}) {
  return (
    <>
      <section className="borne-card" aria-labelledby="borne-themes-title">
        <h2 id="borne-themes-title">Ou choisissez un thème</h2>
        <div className="borne-tiles">
          {accueil.themes.map((theme) => (
            <button key={theme.id} type="button" className="borne-tile" onClick={() => onTheme(theme)}>
              {theme.libelle}
            </button>
          ))}
          <button type="button" className="borne-tile borne-tile-services" onClick={onServices}>
            Services et horaires
          </button>
        </div>
      </section>
      <LabelPromise />
      <PublishedResultsSlot />
      {accueil.reglage.satisfaction && <SatisfactionTap />}
    </>
  );
}
