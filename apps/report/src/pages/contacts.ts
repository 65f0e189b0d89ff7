import type { Lang, Strings } from '../i18n/index.js';
import { contactHref } from '../results/contactLinks.js';
import type { HelpContact } from '../results/settings.js';
import { escapeHtml } from './html.js';

/**
 * One help service: its name, description, channels and hours. A channel becomes a link only through
 * `contactHref` (https, http, mailto, tel); anything else is shown as plain text.
 */
export function contactHtml(contact: HelpContact, lang: Lang, t: Strings): string {
  const channels = contact.channels
    .map((channel) => {
      const label = channel.label ? `${escapeHtml(channel.label[lang])}: ` : '';
      const href = contactHref(channel);
      const shown = channel.kind === 'web' || channel.kind === 'url' ? channel.value.replace(/^https?:\/\//, '').replace(/\/$/, '') : channel.value;
      const text = `<bdi${channel.kind === 'phone' ? ' class="num"' : ''} dir="ltr">${escapeHtml(shown)}</bdi>`;
      if (href === undefined) return `<li>${label}${text}</li>`;
      const external = href.startsWith('http') ? ' rel="noopener noreferrer"' : '';
      return `<li>${label}<a href="${escapeHtml(href)}"${external}>${text}</a></li>`;
    })
    .join('');
  const hours = contact.hours ? `<p class="hours">${escapeHtml(t.helpHours)}: ${escapeHtml(contact.hours[lang])}</p>` : '';
  const verify = contact.status === 'verify-before-publishing' ? `<p class="verify">${escapeHtml(t.verifyContact(contact.checked ?? '–'))}</p>` : '';
  return (
    `<li class="contact"><p class="contact-name"><strong>${escapeHtml(contact.name[lang])}</strong></p>` +
    (contact.description ? `<p>${escapeHtml(contact.description[lang])}</p>` : '') +
    `<ul class="channels">${channels}</ul>${hours}${verify}</li>`
  );
}
