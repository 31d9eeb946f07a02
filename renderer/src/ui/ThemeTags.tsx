import type { ThemeRef } from '../../../common/contract';

export function ThemeTags({ themes, label = 'Thèmes' }: { themes: readonly ThemeRef[]; label?: string }) {
  if (themes.length === 0) return null;
  return (
    <ul className="tags" aria-label={label}>
      {themes.map((theme) => (
        <li key={theme.id} className="tag">
          {theme.libelle}
        </li>
      ))}
    </ul>
  );
}
