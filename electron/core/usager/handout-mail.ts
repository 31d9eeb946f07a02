// The handout as an e-mail: a text part and an HTML part saying the same as the print layout. Every text of the
// fiche and of its services is escaped in the HTML part; the QR code travels as an inline PNG (`cid:`).
import { WEEKDAYS } from '../../../common/knowledge/types';
import type { Handout, HandoutService } from '../../../common/usager/methods';

/** The inline image's content id, referenced by the HTML part. */
export const QR_CID = 'qr-fiche@infocite';

export interface HandoutMail {
  subject: string;
  text: string;
  html: string;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function facts(handout: Handout): Array<[string, string]> {
  const rows: Array<[string, string]> = [];
  if (handout.publicConcerne.length > 0) rows.push(['Public concerné', handout.publicConcerne.join(' ; ')]);
  if (handout.cout) rows.push(['Coût', handout.cout]);
  if (handout.delai) rows.push(['Délai', handout.delai]);
  return rows;
}

function serviceText(service: HandoutService): string[] {
  const lines = [service.nom, ...service.adresse.map((line) => `  ${line}`)];
  if (service.telephone) lines.push(`  Téléphone : ${service.telephone}`);
  if (service.courriel) lines.push(`  Courriel : ${service.courriel}`);
  if (service.site) lines.push(`  Site : ${service.site}`);
  lines.push(`  ${service.aujourdhui}`, '  Horaires de la semaine :');
  for (const day of WEEKDAYS) {
    const horaires = service.semaine.find((row) => row.jour === day)?.horaires ?? 'Fermé';
    lines.push(`    ${capitalized(day)} : ${horaires}`);
  }
  if (service.horairesNote) lines.push(`  ${service.horairesNote}`);
  for (const fermeture of service.fermetures) lines.push(`  ${fermeture}`);
  return lines;
}

function othersSentence(count: number): string {
  return count === 1
    ? 'Un autre service peut aussi vous recevoir : renseignez-vous à l’accueil.'
    : `${count} autres services peuvent aussi vous recevoir : renseignez-vous à l’accueil.`;
}

export function handoutText(handout: Handout): string {
  const lines = [handout.titre, '='.repeat(Math.min(handout.titre.length, 72)), '', handout.resume, ''];
  for (const [label, value] of facts(handout)) lines.push(`${label} : ${value}`);
  if (handout.pieces.length > 0) {
    lines.push('', 'Pièces à fournir :', ...handout.pieces.map((piece) => `  - ${piece}`));
  }
  if (handout.services.length > 0) {
    lines.push('', 'Où s’adresser :');
    for (const service of handout.services) lines.push('', ...serviceText(service));
  }
  if (handout.autresServices > 0) lines.push('', othersSentence(handout.autresServices));
  if (handout.source) lines.push('', `La fiche complète : ${handout.source.url}`);
  lines.push('', `Fiche mise à jour le ${handout.miseAJour}, remise le ${handout.etabliLe}.`);
  return `${lines.join('\n')}\n`;
}

function serviceHtml(service: HandoutService): string {
  const channels = [
    service.telephone ? `<li>Téléphone : ${escapeHtml(service.telephone)}</li>` : '',
    service.courriel ? `<li>Courriel : ${escapeHtml(service.courriel)}</li>` : '',
    service.site ? `<li>Site : ${escapeHtml(service.site)}</li>` : '',
  ].join('');
  const week = WEEKDAYS.map((day) => {
    const horaires = service.semaine.find((row) => row.jour === day)?.horaires ?? 'Fermé';
    return `<tr><th scope="row" style="text-align:left;padding-right:1em">${capitalized(day)}</th><td>${escapeHtml(horaires)}</td></tr>`;
  }).join('');
  const notes = [service.horairesNote ?? '', ...service.fermetures]
    .filter((note) => note !== '')
    .map((note) => `<p>${escapeHtml(note)}</p>`)
    .join('');
  return [
    `<h3>${escapeHtml(service.nom)}</h3>`,
    `<p>${service.adresse.map(escapeHtml).join('<br>')}</p>`,
    channels ? `<ul>${channels}</ul>` : '',
    `<p><strong>${escapeHtml(service.aujourdhui)}</strong></p>`,
    `<table><caption style="text-align:left">Horaires de la semaine</caption><tbody>${week}</tbody></table>`,
    notes,
  ].join('\n');
}

/** The HTML part; `withQr` says whether the inline QR image is attached. */
export function handoutHtml(handout: Handout, withQr: boolean): string {
  const factRows = facts(handout)
    .map(([label, value]) => `<p><strong>${label} :</strong> ${escapeHtml(value)}</p>`)
    .join('\n');
  const pieces =
    handout.pieces.length > 0
      ? `<h2>Pièces à fournir</h2><ul>${handout.pieces.map((piece) => `<li>${escapeHtml(piece)}</li>`).join('')}</ul>`
      : '';
  const services =
    handout.services.length > 0
      ? `<h2>Où s’adresser</h2>${handout.services.map(serviceHtml).join('\n')}`
      : '';
  const others = handout.autresServices > 0 ? `<p>${othersSentence(handout.autresServices)}</p>` : '';
  const source = handout.source
    ? `<h2>La fiche complète</h2><p><a href="${escapeHtml(handout.source.url)}">${escapeHtml(handout.source.url)}</a></p>` +
      (withQr
        ? `<p><img src="cid:${QR_CID}" width="150" height="150" alt="QR code de l’adresse de la fiche complète"></p>`
        : '')
    : '';
  return [
    '<!doctype html>',
    '<html lang="fr"><head><meta charset="utf-8">',
    `<title>${escapeHtml(handout.titre)}</title></head>`,
    '<body style="font-family:sans-serif;line-height:1.4;max-width:40em">',
    `<h1>${escapeHtml(handout.titre)}</h1>`,
    `<p>${escapeHtml(handout.resume)}</p>`,
    factRows,
    pieces,
    services,
    others,
    source,
    `<p style="color:#555">Fiche mise à jour le ${escapeHtml(handout.miseAJour)}, remise le ${escapeHtml(handout.etabliLe)}.</p>`,
    '</body></html>',
  ].join('\n');
}

export function handoutMail(handout: Handout, withQr: boolean): HandoutMail {
  return {
    subject: `Votre démarche : ${handout.titre}`,
    text: handoutText(handout),
    html: handoutHtml(handout, withQr),
  };
}
