/** After a refused form, the focus goes to the first field in error (in the page's order) once it is drawn. */
export function focusFirstError(): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('main [aria-invalid="true"]')?.focus());
}
