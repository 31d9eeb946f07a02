import { LABEL_PROMISE } from '../../../../common/borne/label-promise';

/** What the Info'Cité label promises the citizen. */
export function LabelPromise() {
  return (
    <section className="borne-card borne-label" aria-labelledby="borne-label-title">
      <h2 id="borne-label-title">{LABEL_PROMISE.titre}</h2>
      <ul>
        {LABEL_PROMISE.engagements.map((engagement) => (
          <li key={engagement}>{engagement}</li>
        ))}
      </ul>
    </section>
  );
}
