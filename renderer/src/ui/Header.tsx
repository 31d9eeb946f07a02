import type { KeyboardEvent, MouseEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { useIndexStatus } from './hooks/indexStatus';
import { MAIN_ID } from './PageMain';
import { SessionMenu } from '../features/auth/SessionMenu';
import { StatusLine } from './StatusLine';
import { DeskSyncStatus } from '../features/desk/DeskSyncStatus';

/**
 * One entry of the main menu; `section` names it (its test id is « nav-<section> »), `group` the menu group it
 * sits in (« nav-group-<group> » is the button that opens it).
 */
export interface NavEntry {
  section: string;
  href: string;
  label: string;
  group: string;
  groupLabel: string;
}

/** The section whose entry carries the count of content problems. */
const PROBLEMS_SECTION = 'problemes';
/** The desk's own group: its entries stay in the menu's row, one click away, never folded. */
const DESK_GROUP = 'accueil';

interface NavGroup {
  group: string;
  label: string;
  entries: NavEntry[];
}

/** The entries grouped, in the order they come. */
export function groupMenu(menu: readonly NavEntry[]): NavGroup[] {
  const groups: NavGroup[] = [];
  for (const entry of menu) {
    const last = groups[groups.length - 1];
    if (last?.group === entry.group) last.entries.push(entry);
    else groups.push({ group: entry.group, label: entry.groupLabel, entries: [entry] });
  }
  return groups;
}

function skipToContent(event: MouseEvent<HTMLAnchorElement>) {
  // A plain #contenu link would replace the route: move the focus instead.
  event.preventDefault();
  const main = document.getElementById(MAIN_ID);
  main?.focus();
  main?.scrollIntoView();
}

function ProblemsBadge({ problems, testId }: { problems: number; testId?: string }) {
  if (problems <= 0) return null;
  return (
    <span className="badge badge-count" data-testid={testId}>
      {problems}
      <span className="visually-hidden"> {problems >= 2 ? 'problèmes' : 'problème'}</span>
    </span>
  );
}

function EntryLink({
  entry,
  section,
  problems,
}: {
  entry: NavEntry;
  section: string | null;
  problems: number;
}) {
  return (
    <a
      href={entry.href}
      aria-current={entry.section === section ? 'page' : undefined}
      data-testid={`nav-${entry.section}`}
      data-group={entry.group}
    >
      {entry.label}
      {entry.section === PROBLEMS_SECTION && <ProblemsBadge problems={problems} />}
    </a>
  );
}

/**
 * A folded group: a button that opens its short list below it (the disclosure pattern: Entrée or Espace
 * opens it, Échap closes it and gives the focus back to the button, leaving it or clicking elsewhere closes
 * it).
 */
function GroupMenu({
  group,
  section,
  problems,
  open,
  onToggle,
}: {
  group: NavGroup;
  section: string | null;
  problems: number;
  open: boolean;
  onToggle: (open: boolean) => void;
}) {
  const button = useRef<HTMLButtonElement>(null);
  const current = group.entries.some((entry) => entry.section === section);
  const listId = `nav-menu-${group.group}`;
  const hasProblems = group.entries.some((entry) => entry.section === PROBLEMS_SECTION);

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      onToggle(false);
      button.current?.focus();
    }
  };

  return (
    <li
      className="nav-group"
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        if (open && !event.currentTarget.contains(event.relatedTarget as Node | null)) onToggle(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className={current ? 'nav-group-button nav-group-current' : 'nav-group-button'}
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => onToggle(!open)}
        data-testid={`nav-group-${group.group}`}
      >
        {group.label}
        {current && <span className="visually-hidden"> (page en cours)</span>}
        {hasProblems && <ProblemsBadge problems={problems} testId="problems-badge" />}
        <span className="nav-group-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      <ul id={listId} className="nav-menu" hidden={!open}>
        {group.entries.map((entry) => (
          <li key={entry.section}>
            <EntryLink entry={entry} section={section} problems={problems} />
          </li>
        ))}
      </ul>
    </li>
  );
}

/**
 * The brand, the index status, the session menu and the main menu: `menu` is what the person may open (see
 * routes.tsx), `section` the entry lit for the current page. The menu holds one row: the desk's entries, then
 * one button per group (a group of one entry is that entry).
 */
export function Header({ menu, section }: { menu: NavEntry[]; section: string | null }) {
  const { status } = useIndexStatus();
  const problems = status?.problems ?? 0;
  const [openGroup, setOpenGroup] = useState<string | null>(null);
  const nav = useRef<HTMLElement>(null);

  // A page change closes the open group.
  useEffect(() => setOpenGroup(null), [section]);

  // A click elsewhere closes it too.
  useEffect(() => {
    if (openGroup === null) return;
    const onPointer = (event: PointerEvent) => {
      if (!(event.target instanceof Node) || !nav.current?.contains(event.target)) setOpenGroup(null);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [openGroup]);

  return (
    <>
      <a className="skip-link" href={`#${MAIN_ID}`} onClick={skipToContent}>
        Aller au contenu
      </a>
      <header className="header">
        <div className="header-inner">
          <p className="brand">
            <a href="#/" className="brand-link">
              <span className="brand-name">Info&apos;Cité</span>
              <span className="brand-tagline">Accueil des usagers</span>
            </a>
          </p>
          <StatusLine />
          <DeskSyncStatus />
          <SessionMenu />
        </div>
        <nav ref={nav} className="nav" aria-label="Navigation principale">
          <ul className="nav-list" data-testid="nav-list">
            {groupMenu(menu).map((group) =>
              group.group === DESK_GROUP || group.entries.length === 1 ? (
                group.entries.map((entry) => (
                  <li key={entry.section}>
                    <EntryLink entry={entry} section={section} problems={problems} />
                  </li>
                ))
              ) : (
                <GroupMenu
                  key={group.group}
                  group={group}
                  section={section}
                  problems={problems}
                  open={openGroup === group.group}
                  onToggle={(open) => setOpenGroup(open ? group.group : null)}
                />
              ),
            )}
          </ul>
        </nav>
      </header>
    </>
  );
}
