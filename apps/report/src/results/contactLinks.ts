import type { ContactChannel } from './settings.js';

/** The only link schemes a contact may become (contract "Report settings"). */
const CONTACT_SCHEMES = ['https:', 'http:', 'mailto:', 'tel:'] as const;

/**
 * The `href` a contact channel becomes, or `undefined` when it may not be a link (then it is shown as
 * text). A phone number becomes `tel:` with its digits (and a leading +), an email address `mailto:`;
 * a web address must be absolute and http(s). `javascript:`, `data:`, `vbscript:`, relative paths and
 * anything the URL parser cannot read are never links.
 *
 * @example contactHref({ kind: 'phone', value: '0800-39393' }) // 'tel:080039393'
 * @example contactHref({ kind: 'web', value: 'javascript:alert(4)' }) // undefined
 */
export function contactHref(channel: ContactChannel): string | undefined {
  const value = channel.value.trim();
  if (channel.kind === 'phone') {
    const digits = value.replace(/[^0-9+]/g, '').replace(/(?!^)\+/g, '');
    return /[0-9]{3,}/.test(digits) ? `tel:${digits}` : undefined;
  }
  if (channel.kind === 'email') return /^[^\s@:/?#]+@[^\s@:/?#]+\.[^\s@:/?#]+$/.test(value) ? `mailto:${value}` : undefined;
  return allowedUrl(value);
}

/** An absolute URL whose scheme is one of {@link CONTACT_SCHEMES}, normalised; otherwise `undefined`. */
function allowedUrl(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined; // relative or unreadable
  }
  if (!(CONTACT_SCHEMES as readonly string[]).includes(url.protocol)) return undefined;
  if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname === '') return undefined;
  return url.href;
}
