/** The end of a form: its one submit button (off while the save is on its way) and the way out without saving. */
export function SubmitBar({
  label,
  busy,
  cancelHref,
  testId,
  className = 'form-actions',
}: {
  label: string;
  busy: boolean;
  cancelHref: string;
  testId: string;
  className?: string;
}) {
  return (
    <div className={className}>
      <button type="submit" className="button" disabled={busy} data-testid={testId}>
        {label}
      </button>
      <a href={cancelHref}>Annuler</a>
    </div>
  );
}
