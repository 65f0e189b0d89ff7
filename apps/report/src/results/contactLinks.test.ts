import { describe, expect, it } from 'vitest';
import { contactHref } from './contactLinks.js';

describe('contactHref', () => {
  it('makes https, http, mailto and tel links', () => {
    expect(contactHref({ kind: 'web', value: 'https://example.org/help' })).toBe('https://example.org/help');
    expect(contactHref({ kind: 'web', value: 'http://example.org' })).toBe('http://example.org/');
    expect(contactHref({ kind: 'email', value: 'help@example.org' })).toBe('mailto:help@example.org');
    expect(contactHref({ kind: 'phone', value: '0800-39393' })).toBe('tel:080039393');
    expect(contactHref({ kind: 'phone', value: '+92 (21) 111-222' })).toBe('tel:+9221111222');
  });
  it('never makes a link of javascript:, data:, vbscript:, a relative path or an address without a host', () => {
    for (const value of [
      'javascript:alert(4)',
      ' JavaScript:alert(4)',
      'data:text/html,<script>alert(4)</script>',
      'vbscript:msgbox(4)',
      '/help',
      'help.html',
      '//evil.example',
      'https://',
    ]) {
      expect(contactHref({ kind: 'web', value })).toBeUndefined();
    }
    expect(contactHref({ kind: 'phone', value: 'javascript:alert(4)' })).toBeUndefined();
    expect(contactHref({ kind: 'email', value: 'javascript:alert(4)' })).toBeUndefined();
  });
});
