// The outcome bar of the desk's pages (search, fiche, directory, service), for agents: once a contact is in progress, one key (1-6, or
// Alt+1-6 from inside a text field) logs how it ended; the quick buttons by thème log a contact answered without
// a search. The toast lives outside it, so a confirmation survives the page change that follows.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Issue, JournalCanal, Motif } from '../../../../common/journal/codes';
import { CANAL_LABELS, ISSUES, JOURNAL_CANAUX, MOTIFS, MOTIF_LABELS } from '../../../../common/journal/codes';
import type { ApiError } from '../../api';
import { toApiError } from '../../api';
import { OUTCOME_BAR_ID, useDemande } from './demande';
import { isTextField } from '../../ui/keys';
import { useWindowKeyDown } from '../../ui/hooks/useWindowKeyDown';
import type { Route } from '../../router';
import { hasRole, useSession } from '../auth/session';
import { barKeyFor } from './outcome-keys';
import { buttonLabel, outcomeLabel } from './outcome-labels';
import { OutcomeToast } from './OutcomeToast';
import { QuickThemes } from './QuickThemes';
import { ServicePicker } from './ServicePicker';
import type { OutcomeChoice, ServiceRef } from './demande-state';
import { isOpen } from './demande-state';
import './outcome.css';

type Mode = 'outcome' | 'motif' | 'service';

/** The open bar's buttons in few words, so the six hold one row; each one's title gives its full label. */
const SHORT_LABELS: Record<Issue, string> = {
  repondu: 'Répondu',
  oriente_fiche: 'Service de la fiche',
  oriente_autre: 'Autre service',
  rendez_vous: 'Rendez-vous',
  transmis: 'Transmis',
  non_resolu: 'Non résolu',
};

function MotifChoice({ onChoose, onCancel }: { onChoose: (motif: Motif) => void; onCancel: () => void }) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div
      className="outcome-panel"
      role="group"
      aria-labelledby="outcome-motif-title"
      data-testid="motif-choice"
    >
      <p id="outcome-motif-title" className="outcome-panel-title">
        Pourquoi le contact n&apos;est-il pas résolu ?{' '}
        <span className="hint">Touches 1 à 4, Échap pour revenir.</span>
      </p>
      <ul className="outcome-keys">
        {MOTIFS.map((motif, index) => (
          <li key={motif}>
            <button
              ref={index === 0 ? first : undefined}
              type="button"
              className="outcome-key"
              aria-keyshortcuts={String(index + 1)}
              onClick={() => onChoose(motif)}
              data-testid={`motif-${motif}`}
            >
              <kbd aria-hidden="true">{index + 1}</kbd> {MOTIF_LABELS[motif]}
            </button>
          </li>
        ))}
        <li>
          <button type="button" className="link-button" onClick={onCancel}>
            Revenir aux issues
          </button>
        </li>
      </ul>
    </div>
  );
}

function Bar() {
  const contact = useDemande();
  const { demande } = contact;
  const open = isOpen(demande);
  const [mode, setMode] = useState<Mode>('outcome');
  const [error, setError] = useState<ApiError | null>(null);
  const [serviceIndex, setServiceIndex] = useState(0);
  const [expanded, setExpanded] = useState(false);
  const services = demande.lastFiche?.services ?? [];
  const ficheService: ServiceRef | null = services[serviceIndex] ?? services[0] ?? null;

  const submit = useCallback(
    (choice: OutcomeChoice, label: string) => {
      setError(null);
      contact.record(choice, label).then(
        () => setMode('outcome'),
        (failure: unknown) => setError(toApiError(failure)),
      );
    },
    [contact],
  );

  const choose = useCallback(
    (issue: Issue) => {
      setError(null);
      if (issue === 'oriente_fiche') {
        if (ficheService)
          submit({ issue, serviceId: ficheService.id }, outcomeLabel(issue, { service: ficheService.nom }));
      } else if (issue === 'oriente_autre') setMode('service');
      else if (issue === 'non_resolu') setMode('motif');
      else submit({ issue }, outcomeLabel(issue));
    },
    [ficheService, submit],
  );

  const chooseMotif = useCallback(
    (motif: Motif) => submit({ issue: 'non_resolu', motif }, outcomeLabel('non_resolu', { motif })),
    [submit],
  );

  const backToOutcomes = useCallback(() => {
    setMode('outcome');
    document.getElementById(OUTCOME_BAR_ID)?.focus();
  }, []);

  // Captured on the window, before the pages' own keys: Échap while the reason is asked must not also leave
  // the fiche.
  useWindowKeyDown(
    (event) => {
      if (event.defaultPrevented || event.isComposing) return;
      if (mode === 'motif' && event.key === 'Escape') {
        event.preventDefault();
        backToOutcomes();
        return;
      }
      const target = event.target instanceof HTMLElement ? event.target : null;
      const key = barKeyFor(event, isTextField(target), mode === 'motif' ? 'motif' : 'outcome');
      if (!key) return;
      event.preventDefault();
      if (event.repeat) return;
      if (key.kind === 'motif') chooseMotif(key.motif);
      else choose(key.issue);
    },
    { capture: true, enabled: open },
  );

  const answerByTheme = (theme: { id: string; libelle: string }) =>
    submit({ issue: 'repondu', theme: theme.id }, `Répondu (${theme.libelle})`);

  const canal = (
    <div className="outcome-field">
      <label htmlFor="outcome-canal">Canal</label>
      <select
        id="outcome-canal"
        className="outcome-select"
        value={demande.canal ?? ''}
        onChange={(event) => contact.setCanal((event.target.value || null) as JournalCanal | null)}
        data-testid="outcome-canal"
      >
        <option value="">Celui du point (par défaut)</option>
        {JOURNAL_CANAUX.map((code) => (
          <option key={code} value={code}>
            {CANAL_LABELS[code]}
          </option>
        ))}
      </select>
    </div>
  );

  const details = (
    <div className="outcome-details" id="outcome-details" data-testid="outcome-details">
      <p className="hint" id="outcome-help">
        <kbd>1</kbd> à <kbd>6</kbd> hors d&apos;un champ de saisie, <kbd>Alt</kbd>+<kbd>1</kbd> à <kbd>6</kbd>{' '}
        partout, sur toutes les pages où cette barre est affichée.
      </p>
      {canal}
      {services.length > 1 && (
        <div className="outcome-field">
          <label htmlFor="outcome-fiche-service">Service de la fiche</label>
          <select
            id="outcome-fiche-service"
            className="outcome-select"
            value={serviceIndex}
            onChange={(event) => setServiceIndex(Number(event.target.value))}
          >
            {services.map((service, index) => (
              <option key={service.id} value={index}>
                {service.nom}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="outcome-quick">
        <p className="outcome-quick-title">Répondu sans recherche, par thème :</p>
        <QuickThemes onAnswered={answerByTheme} />
      </div>
    </div>
  );

  return (
    <aside
      id={OUTCOME_BAR_ID}
      tabIndex={-1}
      className={open ? 'outcome-bar outcome-bar-open' : 'outcome-bar'}
      aria-labelledby="outcome-title"
      data-testid="outcome-bar"
      data-open={open}
    >
      <div className="outcome-inner">
        {open ? (
          <>
            {/* One row: the six outcomes, and « Détails » for the channel, the fiche's service and the thèmes. */}
            <div className="outcome-row">
              <h2 id="outcome-title" className="outcome-title">
                Issue<span className="visually-hidden"> du contact</span>
              </h2>
              <ul className="outcome-keys outcome-keys-row" aria-describedby="outcome-help">
                {ISSUES.map((issue, index) => {
                  const digit = String(index + 1);
                  const disabled = issue === 'oriente_fiche' && !ficheService;
                  const label = buttonLabel(issue, ficheService?.nom ?? null);
                  // « Orienté vers <service> » is worth its room: it says which service the key logs.
                  const short = issue === 'oriente_fiche' && ficheService ? label : SHORT_LABELS[issue];
                  return (
                    <li key={issue}>
                      <button
                        type="button"
                        className="outcome-key"
                        aria-keyshortcuts={`${digit} Alt+${digit}`}
                        disabled={disabled}
                        title={disabled ? 'Aucune fiche avec un service n’a été ouverte' : label}
                        onClick={() => choose(issue)}
                        data-testid={`outcome-${issue}`}
                      >
                        <kbd aria-hidden="true">{digit}</kbd> {short}
                      </button>
                    </li>
                  );
                })}
              </ul>
              <button
                type="button"
                className="outcome-more"
                aria-expanded={expanded}
                aria-controls="outcome-details"
                onClick={() => setExpanded((value) => !value)}
                data-testid="outcome-more"
              >
                Détails <span aria-hidden="true">{expanded ? '▾' : '▴'}</span>
              </button>
            </div>
            {/* Kept in the page while folded: the keys' help describes the buttons. */}
            <div hidden={!expanded}>{details}</div>
            {mode === 'motif' && <MotifChoice onChoose={chooseMotif} onCancel={backToOutcomes} />}
            {mode === 'service' && (
              <ServicePicker
                onChoose={(service) =>
                  submit(
                    { issue: 'oriente_autre', serviceId: service.id },
                    outcomeLabel('oriente_autre', { service: service.nom }),
                  )
                }
                onCancel={backToOutcomes}
              />
            )}
            {error && (
              <p role="alert" className="outcome-error" data-testid="outcome-error">
                {error.message}
              </p>
            )}
          </>
        ) : (
          <>
            <h2 id="outcome-title" className="outcome-title">
              Contact répondu sans recherche
            </h2>
            <div className="outcome-idle">
              {canal}
              <QuickThemes onAnswered={answerByTheme} />
            </div>
            {error && (
              <p role="alert" className="outcome-error" data-testid="outcome-error">
                {error.message}
              </p>
            )}
          </>
        )}
      </div>
    </aside>
  );
}

/**
 * The pages where the desk answers a citizen: the search, its fiches, the directory and its services. The bar
 * (and so its keys) is there; the toast is everywhere.
 */
export const DESK_PAGES: ReadonlySet<Route['name']> = new Set(['search', 'fiche', 'annuaire', 'contact']);

/** The bar on the desk's pages, the toast everywhere: for accounts holding the agent role. */
export function OutcomeBar({ route }: { route: Route }) {
  const contact = useDemande();
  const { info } = useSession();
  const desk = DESK_PAGES.has(route.name);
  if (!contact.enabled) {
    if (!desk || !hasRole(info, 'agent') || info.installation) return null;
    return (
      <aside className="outcome-bar" aria-label="Issue du contact" data-testid="outcome-bar">
        <p className="outcome-inner muted">
          Ce poste n&apos;est rattaché à aucun point d&apos;accueil : les contacts ne peuvent pas être
          enregistrés tant qu&apos;un administrateur ne l&apos;a pas choisi dans les réglages.
        </p>
      </aside>
    );
  }
  return (
    <>
      <OutcomeToast />
      {desk && <Bar key={contact.demande.debut ?? 'attente'} />}
    </>
  );
}
