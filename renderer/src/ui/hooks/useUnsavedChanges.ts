// A page holding changes not yet saved asks before it is left: inside the window (menu links, « Fermer », Back
// and Forward, any navigate()) through navigation.ts's guards, and when the window itself is closed or reloaded
// (beforeunload). Nothing typed is ever lost without the person choosing to abandon it.
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { addLeaveGuard } from '../../navigation';

export const UNSAVED_QUESTION =
  'Vos modifications ne sont pas enregistrées. Quitter cette page et les abandonner ? (Annuler pour rester sur la page.)';

export interface UnsavedChanges {
  /** Lets the page be left without asking, until the next change: call it when what was held is being saved. */
  release(): void;
  /** Asks again (the save was refused: what was typed is still unsaved). */
  hold(): void;
}

export function useUnsavedChanges(dirty: boolean, question: string = UNSAVED_QUESTION): UnsavedChanges {
  const state = useRef({ dirty, question, released: false });

  useLayoutEffect(() => {
    // A new change asks again, even after a release.
    if (dirty && !state.current.dirty) state.current.released = false;
    state.current.dirty = dirty;
    state.current.question = question;
  }, [dirty, question]);

  useEffect(
    () =>
      addLeaveGuard(() => (state.current.dirty && !state.current.released ? state.current.question : null)),
    [],
  );

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (state.current.released) return;
      event.preventDefault();
      // Older Chromium needs the property set to show its own question.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  return useMemo(
    () => ({
      release: () => {
        state.current.released = true;
      },
      hold: () => {
        state.current.released = false;
      },
    }),
    [],
  );
}
