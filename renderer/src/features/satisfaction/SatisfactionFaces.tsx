// Four big faces: one tap records one answer for the desk's point, with no identity. Used in the outcome toast
// (the agent asks « Êtes-vous satisfait ? ») and on the citizen's tablet page.
import { useState } from 'react';
import type { Note } from '../../../../common/satisfaction/codes';
import { NOTE_FACES, NOTE_LABELS, NOTES } from '../../../../common/satisfaction/codes';
import { call, toApiError } from '../../api';

export function SatisfactionFaces({
  source,
  size = 'small',
  onRecorded,
}: {
  source: 'comptoir' | 'tablette';
  size?: 'small' | 'large';
  onRecorded?(note: Note): void;
}) {
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // One answer per contact: the faces stay disabled once one is recorded (the tablet remounts them for the next).
  const [done, setDone] = useState(false);
  const tap = async (note: Note) => {
    if (busy || done) return;
    setBusy(true);
    try {
      await call('satisfaction.record', { note, source });
      setMessage('Merci pour votre avis !');
      setDone(true);
      onRecorded?.(note);
    } catch (error) {
      setMessage(toApiError(error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div
      className={`satisfaction-faces satisfaction-${size}`}
      role="group"
      aria-label="Satisfaction de l’usager"
    >
      {NOTES.map((note) => (
        <button
          key={note}
          type="button"
          className="satisfaction-face"
          aria-label={NOTE_LABELS[note]}
          title={NOTE_LABELS[note]}
          disabled={busy || done}
          onClick={() => void tap(note)}
          data-testid={`face-${note}`}
        >
          <span aria-hidden="true">{NOTE_FACES[note]}</span>
        </button>
      ))}
      <span role="status" className="satisfaction-thanks" data-testid="satisfaction-thanks">
        {message}
      </span>
    </div>
  );
}
