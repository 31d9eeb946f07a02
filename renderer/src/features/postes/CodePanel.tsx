// The one-time enrolment code, shown once to the administrator who asked for it: the server keeps only its
// fingerprint, so leaving the page loses it (a new code can always be asked for).
import { formatInstant } from '../audit/audit-format';
import { formatEnrolmentCode } from './postesFormat';
import type { PosteCree } from '../../../../common/postes/methods';

export function CodePanel({ created, onClose }: { created: PosteCree; onClose: () => void }) {
  const { poste, code } = created;
  return (
    <section
      className="alert alert-success postes-code"
      aria-labelledby="postes-code-title"
      data-testid="poste-code-panel"
    >
      <h2 id="postes-code-title" className="alert-title" tabIndex={-1}>
        Code d’inscription du poste « {poste.nom} » ({poste.point.nom})
      </h2>
      <p className="postes-code-value" data-testid="poste-code">
        {formatEnrolmentCode(code)}
      </p>
      <p>
        À saisir sur le poste dans les 7 jours
        {poste.codeExpireLe ? ` (valable jusqu’au ${formatInstant(poste.codeExpireLe)})` : ''}. Il ne sera
        plus affiché : notez-le ou communiquez-le maintenant. S’il se perd, demandez un nouveau code.
      </p>
      <button
        type="button"
        className="button button-outline"
        onClick={onClose}
        data-testid="poste-code-close"
      >
        J’ai noté le code
      </button>
    </section>
  );
}
