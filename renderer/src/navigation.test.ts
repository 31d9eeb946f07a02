// The leave guards of navigation.ts, on a stand-in window (the tests run under Node): navigate() and an address
// changed by a link or Back ask the page first; staying puts the address back and tells no page.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as NavigationModule from './navigation';

type Navigation = typeof NavigationModule;

class FakeWindow extends EventTarget {
  location = { hash: '#/redaction/fiche/nouvelle' };
  answers: boolean[] = [];
  asked: string[] = [];
  history = {
    state: null as unknown,
    pushState: (state: unknown, _title: string, hash: string) => {
      this.history.state = state;
      this.location.hash = hash;
    },
    replaceState: (state: unknown, _title: string, hash: string) => {
      this.history.state = state;
      this.location.hash = hash;
    },
  };
  confirm = (question: string): boolean => {
    this.asked.push(question);
    return this.answers.shift() ?? false;
  };
}

const fake = new FakeWindow();
let nav: Navigation;

beforeAll(async () => {
  vi.stubGlobal('window', fake);
  // Test files share their worker's modules: another file may have loaded navigation.ts without a window, and it
  // listens to the window it finds when it is loaded.
  vi.resetModules();
  nav = await import('./navigation');
});

afterAll(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

afterEach(() => {
  fake.asked = [];
  fake.answers = [];
});

describe('leaving a page with unsaved changes', () => {
  it('navigates without a question when nothing is held, and asks when something is', () => {
    expect(nav.navigate('#/redaction')).toBe(true);
    expect(fake.asked).toEqual([]);
    let dirty = true;
    const remove = nav.addLeaveGuard(() => (dirty ? 'Quitter sans enregistrer ?' : null));
    fake.answers = [false];
    expect(nav.navigate('#/vocabulaire')).toBe(false);
    expect(fake.location.hash).toBe('#/redaction');
    expect(fake.asked).toEqual(['Quitter sans enregistrer ?']);
    // `force`: a page that has just saved moves on without asking.
    expect(nav.navigate('#/vocabulaire', { force: true })).toBe(true);
    fake.answers = [true];
    expect(nav.navigate('#/redaction')).toBe(true);
    expect(fake.location.hash).toBe('#/redaction');
    dirty = false;
    expect(nav.navigate('#/vocabulaire')).toBe(true);
    expect(fake.asked).toHaveLength(2);
    remove();
  });

  it('puts the address back when a link or Back is refused, and the pages never hear of it', () => {
    nav.navigate('#/redaction/fiche/nouvelle');
    const remove = nav.addLeaveGuard(() => 'Quitter sans enregistrer ?');
    const heard = vi.fn();
    fake.addEventListener('hashchange', heard);
    // A link (or Back) changed the address before anyone could ask.
    fake.location.hash = '#/redaction';
    fake.answers = [false];
    fake.dispatchEvent(new Event('hashchange'));
    expect(fake.location.hash).toBe('#/redaction/fiche/nouvelle');
    expect(heard).not.toHaveBeenCalled();
    // Accepted: the change goes through, once.
    fake.location.hash = '#/redaction';
    fake.answers = [true];
    fake.dispatchEvent(new Event('popstate'));
    fake.dispatchEvent(new Event('hashchange'));
    expect(fake.location.hash).toBe('#/redaction');
    expect(fake.asked).toHaveLength(2);
    expect(heard).toHaveBeenCalledTimes(1);
    fake.removeEventListener('hashchange', heard);
    remove();
  });
});
