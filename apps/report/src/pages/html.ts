/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A number (already formatted) isolated from the surrounding text direction. */
export function bdi(text: string): string {
  return `<bdi class="num" dir="ltr">${escapeHtml(text)}</bdi>`;
}

/**
 * Wraps runs of Latin letters and digits in `<bdi>` inside the text of right-to-left HTML, so that
 * English terms and numbers keep their own direction. Leaves tags, attribute values and the
 * contents of `<bdi>`, `<svg>`, `<script>`, `<style>`, `<title>`, `<code>` and table cells alone.
 */
export function isolateLatinRuns(html: string): string {
  const parts = html.split(/(<[^>]+>)/);
  const skipping: string[] = [];
  const skipTags = new Set(['bdi', 'svg', 'script', 'style', 'title', 'code', 'td', 'th']);
  return parts
    .map((part) => {
      if (part.startsWith('<')) {
        const match = /^<(\/?)([a-zA-Z][\w-]*)/.exec(part);
        if (match) {
          const name = match[2]!.toLowerCase();
          if (skipTags.has(name)) {
            if (match[1] === '/') {
              if (skipping[skipping.length - 1] === name) skipping.pop();
            } else if (!part.endsWith('/>')) skipping.push(name);
          }
        }
        return part;
      }
      if (skipping.length > 0) return part;
      // Runs start at a letter or digit that does not continue a word or an entity (&amp; &#39;).
      return part.replace(/(?<![&#\w])[A-Za-z0-9][A-Za-z0-9.:%+\-–/']*(?:\s+[A-Za-z0-9][A-Za-z0-9.:%+\-–/']*)*/g, (run) => `<bdi dir="ltr">${run}</bdi>`);
    })
    .join('');
}
