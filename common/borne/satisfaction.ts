// The kiosk's satisfaction tap speaks the one-tap rating's vocabulary (common/satisfaction/codes.ts): its
// counts are the same counts, source « borne ».
import { NOTE_FACES, NOTE_LABELS, NOTES, type Note } from '../satisfaction/codes';

export const SATISFACTION_NOTES = NOTES;
export type SatisfactionNote = Note;

export const SATISFACTION_LABELS: Record<SatisfactionNote, { libelle: string; visage: string }> = {
  tres_satisfait: { libelle: NOTE_LABELS.tres_satisfait, visage: NOTE_FACES.tres_satisfait },
  satisfait: { libelle: NOTE_LABELS.satisfait, visage: NOTE_FACES.satisfait },
  insatisfait: { libelle: NOTE_LABELS.insatisfait, visage: NOTE_FACES.insatisfait },
  tres_insatisfait: { libelle: NOTE_LABELS.tres_insatisfait, visage: NOTE_FACES.tres_insatisfait },
};
