import type { Ref } from 'react';
import type { Handout, HandoutService } from '../../../../common/usager/methods';

function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function ServiceBlock({ service }: { service: HandoutService }) {
  return (
    <li className="handout-service" data-testid="handout-service">
      <h3>{service.nom}</h3>
      <p className="handout-address">
        {service.adresse.map((line, index) => (
          <span key={index}>
            {line}
            <br />
          </span>
        ))}
      </p>
      {(service.telephone || service.courriel || service.site) && (
        <ul className="handout-channels">
          {service.telephone && <li data-testid="handout-phone">Téléphone : {service.telephone}</li>}
          {service.courriel && <li>Courriel : {service.courriel}</li>}
          {service.site && <li>Site : {service.site}</li>}
        </ul>
      )}
      <p className="handout-today" data-testid="handout-today">
        {service.aujourdhui}
      </p>
      <table className="handout-week">
        <caption>Horaires de la semaine</caption>
        <tbody>
          {service.semaine.map((row) => (
            <tr key={row.jour}>
              <th scope="row">{capitalized(row.jour)}</th>
              <td>{row.horaires}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {service.horairesNote && <p className="handout-note">{service.horairesNote}</p>}
      {service.fermetures.map((fermeture, index) => (
        <p key={index} className="handout-note">
          {fermeture}
        </p>
      ))}
    </li>
  );
}

/**
 * The fiche as the citizen takes it away: the same content as the e-mail (both come from the core's builder),
 * laid out for one or two A4 pages.
 */
export function HandoutView({
  handout,
  headingRef,
}: {
  handout: Handout;
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  return (
    <article className="handout" data-testid="handout">
      <h1 ref={headingRef} tabIndex={-1} className="handout-title" data-testid="handout-title">
        {handout.titre}
      </h1>
      <p className="handout-resume">{handout.resume}</p>
      {(handout.publicConcerne.length > 0 || handout.cout || handout.delai) && (
        <dl className="handout-facts" data-testid="handout-facts">
          {handout.publicConcerne.length > 0 && (
            <div>
              <dt>Public concerné</dt>
              <dd>{handout.publicConcerne.join(' ; ')}</dd>
            </div>
          )}
          {handout.cout && (
            <div>
              <dt>Coût</dt>
              <dd>{handout.cout}</dd>
            </div>
          )}
          {handout.delai && (
            <div>
              <dt>Délai</dt>
              <dd>{handout.delai}</dd>
            </div>
          )}
        </dl>
      )}
      {handout.pieces.length > 0 && (
        <section aria-labelledby="handout-pieces-title">
          <h2 id="handout-pieces-title">Pièces à fournir</h2>
          <ul className="handout-pieces" data-testid="handout-pieces">
            {handout.pieces.map((piece, index) => (
              <li key={index}>{piece}</li>
            ))}
          </ul>
        </section>
      )}
      {handout.services.length > 0 && (
        <section aria-labelledby="handout-services-title">
          <h2 id="handout-services-title">Où s’adresser</h2>
          <ul className="handout-services">
            {handout.services.map((service) => (
              <ServiceBlock key={service.id} service={service} />
            ))}
          </ul>
          {handout.autresServices > 0 && (
            <p>
              {handout.autresServices === 1
                ? 'Un autre service peut aussi vous recevoir : renseignez-vous à l’accueil.'
                : `${handout.autresServices} autres services peuvent aussi vous recevoir : renseignez-vous à l’accueil.`}
            </p>
          )}
        </section>
      )}
      {handout.source && (
        <section
          className="handout-source"
          aria-labelledby="handout-source-title"
          data-testid="handout-source"
        >
          <div>
            <h2 id="handout-source-title">La fiche complète</h2>
            <p className="handout-url">{handout.source.url}</p>
          </div>
          <div
            className="handout-qr"
            role="img"
            aria-label="QR code de l’adresse de la fiche complète"
            data-testid="handout-qr"
            // Drawn by the core with the qrcode package from the address alone: paths only, no text (tested).
            dangerouslySetInnerHTML={{ __html: handout.source.qrSvg }}
          />
        </section>
      )}
      <p className="handout-footer">
        Fiche mise à jour le {handout.miseAJour}, remise le {handout.etabliLe}.
      </p>
    </article>
  );
}
