import { createHash } from 'node:crypto';

/**
 * The frame of every public page: plain HTML, one stylesheet, scripts only from this service,
 * and a Content-Security-Policy that allows nothing else (the import map is allowed by its hash).
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

export const IMPORT_MAP = JSON.stringify({
  imports: { '@hpke/core': '/forms/vendor/core/mod.js', '@hpke/common': '/forms/vendor/common/mod.js' },
});
const importMapHash = createHash('sha256').update(IMPORT_MAP).digest('base64');

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `script-src 'self' 'sha256-${importMapHash}'`,
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers for every public page and asset: no caching (a link's state changes), no referrer (a link is a secret). */
export const PAGE_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'cross-origin-opener-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

export function page(title: string, body: string, script?: string): string {
  const scripts = script
    ? `<script type="importmap">${IMPORT_MAP}</script><script type="module" src="/forms/${script}"></script>`
    : '';
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(title)}</title>
<link rel="stylesheet" href="/forms/forms.css">
${scripts}
</head>
<body>
<a class="skip" href="#main">Skip to main content</a>
<main id="main">
${body}
</main>
</body>
</html>`;
}

/** A page that only says something: a used or expired link, an organisation not taking referrals. */
export function messagePage(title: string, paragraphs: string[]): string {
  return page(title, `<h1>${esc(title)}</h1>\n${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}`);
}

/** Without JavaScript nothing is encrypted, so nothing is sent: the form says so instead of posting words. */
export const NOSCRIPT =
  '<noscript><p class="alert" role="alert">This form needs JavaScript switched on, because it locks your answers in your browser before they are sent. Please switch it on, or contact the service another way.</p></noscript>';

export interface Choice {
  value: string;
  label: string;
  /** A picture beside the words (a face), hidden from screen readers, which read the words. */
  face?: string;
}

export const radios = (name: string, legend: string, choices: Choice[], hint?: string): string => `
<fieldset>
<legend>${esc(legend)}</legend>${hint ? `\n<p class="hint" id="${name}-hint">${esc(hint)}</p>` : ''}
${choices.map((c, i) => `<div class="choice"><input type="radio" id="${name}-${i}" data-name="${name}" name="${name}" value="${esc(c.value)}"${hint ? ` aria-describedby="${name}-hint"` : ''}><label for="${name}-${i}">${c.face ? `<span class="face" aria-hidden="true">${esc(c.face)}</span> ` : ''}${esc(c.label)}</label></div>`).join('\n')}
</fieldset>`;

export const input = (
  id: string,
  label: string,
  o: { hint?: string; type?: string; autocomplete?: string; required?: boolean; long?: boolean; max?: number } = {},
): string => {
  const described = o.hint ? ` aria-describedby="${id}-hint"` : '';
  const req = o.required ? ' required aria-required="true"' : '';
  const max = o.max ? ` maxlength="${o.max}"` : '';
  const auto = ` autocomplete="${o.autocomplete ?? 'off'}"`;
  const control = o.long
    ? `<textarea id="${id}" data-field="${id}" rows="5"${max}${req}${described}></textarea>`
    : `<input id="${id}" data-field="${id}" type="${o.type ?? 'text'}"${max}${auto}${req}${described}>`;
  return `<div class="field"><label for="${id}">${esc(label)}${o.required ? ' <span class="req">(needed)</span>' : ' <span class="opt">(optional)</span>'}</label>${o.hint ? `<p class="hint" id="${id}-hint">${esc(o.hint)}</p>` : ''}${control}<p class="error" id="${id}-error" hidden></p></div>`;
};

/** Hidden from people (off screen, out of the tab order); a program that fills every box fills it. */
export const HONEYPOT =
  '<div class="trap" aria-hidden="true"><label for="website">Leave this box empty</label><input id="website" data-field="website" type="text" tabindex="-1" autocomplete="off"></div>';
