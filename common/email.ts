// One test of an email address for the forms and the CSV import. Deliberately loose (something@domain.tld):
// the point is to catch a name typed in the wrong column, not to second-guess a mail server.
const EMAIL = /^[^\s@;,<>"]+@[^\s@;,<>"]+\.[^\s@;,<>".]{2,}$/;

export function isEmail(text: string): boolean {
  return EMAIL.test(text);
}
