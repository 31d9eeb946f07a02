import type { ReactNode } from 'react';

export const MAIN_ID = 'contenu';

/** The page's main landmark, target of the skip link. */
export function PageMain({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <main id={MAIN_ID} tabIndex={-1} className={className ? `main ${className}` : 'main'}>
      {children}
    </main>
  );
}
