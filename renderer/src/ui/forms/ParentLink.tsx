import type { ReactNode } from 'react';

/** « ← Retour aux agents »: the link up to the page a record or a form belongs to, above its title. */
export function ParentLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <p className="back">
      <a href={href}>
        <span aria-hidden="true">← </span>
        {children}
      </a>
    </p>
  );
}
