// The confirmation of a logged contact, shown only once the core has committed it, with its « Annuler ». A live
// region that stays in the page (an empty one between toasts), so screen readers announce each new message.
import { useDemande } from './demande';
import { SatisfactionFaces } from '../satisfaction/SatisfactionFaces';
import '../satisfaction/satisfaction.css';

export function OutcomeToast() {
  const { toast, cancelLast, holdToast } = useDemande();
  return (
    <>
      <div className="outcome-toast-region" role="status" data-testid="outcome-toast-region">
        {toast?.kind === 'recorded' && (
          <div className="outcome-toast" data-testid="outcome-toast">
            <span>Contact enregistré : {toast.label}</span>
            <button
              type="button"
              className="outcome-toast-undo"
              onClick={() => void cancelLast()}
              onFocus={() => holdToast(true)}
              onBlur={() => holdToast(false)}
              data-testid="outcome-undo"
            >
              Annuler
            </button>
            {/* The one-tap rating the agent asks for (« Êtes-vous satisfait ? »): counted apart, no link to
                the contact. Focus inside keeps the toast open like the « Annuler » button does. */}
            <div
              onFocus={() => holdToast(true)}
              onBlur={() => holdToast(false)}
              data-testid="outcome-satisfaction"
            >
              <SatisfactionFaces source="comptoir" />
            </div>
          </div>
        )}
        {toast?.kind === 'note' && !toast.alert && (
          <div className="outcome-toast" data-testid="outcome-note">
            {toast.message}
          </div>
        )}
      </div>
      {toast?.kind === 'note' && toast.alert && (
        <div className="outcome-toast outcome-toast-error" role="alert" data-testid="outcome-note">
          {toast.message}
        </div>
      )}
    </>
  );
}
