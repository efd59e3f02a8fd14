// Seals a form's answers in the browser with HPKE (RFC 9180, @hpke/core) to the organisation's
// intake public key before they leave; the service only ever receives the ciphertext.
import { Aes256Gcm, CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from '@hpke/core';

const suite = new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes256Gcm() });
const utf8 = (s) => new TextEncoder().encode(s);

function toB64url(bytes) {
  let s = '';
  for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromB64url(text) {
  const s = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4));
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

/** Encrypts `answers` for the form's key; returns the body the service expects. */
export async function seal(form, answers, website) {
  const recipientPublicKey = await suite.kem.deserializePublicKey(fromB64url(form.dataset.key).buffer);
  const { ct, enc } = await suite.seal(
    { recipientPublicKey, info: utf8(form.dataset.info) },
    utf8(JSON.stringify(answers)),
    utf8(form.dataset.aad),
  );
  return { v: 1, epoch: Number(form.dataset.epoch), enc: toB64url(enc), ct: toB64url(ct), website };
}

const fieldValue = (form, id) => {
  const el = form.querySelector(`[data-field="${id}"]`);
  if (!el) return '';
  return el.type === 'checkbox' ? el.checked : el.value.trim();
};
const choice = (form, name) => form.querySelector(`input[data-name="${name}"]:checked`)?.value ?? null;

/** Reads text fields and radio groups by the `data-` names the page gives them. */
export function read(form, fields, choices) {
  const out = {};
  for (const f of fields) out[f] = fieldValue(form, f);
  for (const c of choices) out[c] = choice(form, c);
  return out;
}

/** Shows problems next to their questions and in a summary that takes the focus. */
export function showErrors(form, problems) {
  for (const el of form.querySelectorAll('.error')) el.hidden = true;
  for (const el of form.querySelectorAll('[aria-invalid]')) {
    el.removeAttribute('aria-invalid');
    el.setAttribute('aria-describedby', el.dataset.hint ?? '');
  }
  const summary = form.querySelector('#form-errors');
  if (!problems.length) {
    summary.hidden = true;
    return;
  }
  for (const [id, message] of problems) {
    const err = form.querySelector(`#${id}-error`);
    if (err) {
      err.textContent = message;
      err.hidden = false;
    }
    const control = form.querySelector(`[data-field="${id}"]`);
    if (control) {
      // The problem is read out with the question (aria-describedby), after any hint it had.
      control.dataset.hint ??= control.getAttribute('aria-describedby') ?? '';
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute('aria-describedby', `${control.dataset.hint} ${id}-error`.trim());
    }
  }
  summary.textContent =
    problems.length === 1
      ? problems[0][1]
      : `Please check ${problems.length} answers: ${problems.map((p) => p[1]).join(' ')}`;
  summary.hidden = false;
  summary.focus();
}

/** Seals and sends; on success hides the form and shows `#sent`. Errors are shown in plain words. */
export async function send(form, answers, onSent) {
  const button = form.querySelector('#send');
  const status = form.querySelector('#sending');
  button.disabled = true;
  status.textContent = 'Locking your answers and sending them…';
  try {
    const body = await seal(form, answers, fieldValue(form, 'website'));
    const res = await fetch(form.dataset.post, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'omit',
    });
    const json = await res.json().catch(() => null);
    if (!res.ok)
      throw new Error(json?.error?.message ?? 'The form could not be sent. Please try again in a few minutes.');
    form.hidden = true;
    onSent(json);
    const sent = document.querySelector('#sent');
    sent.hidden = false;
    sent.focus();
  } catch (e) {
    const message =
      e instanceof TypeError
        ? 'The form could not be sent: there seems to be no internet connection. Your answers are still here; try again.'
        : e.message;
    showErrors(form, [['form', message]]);
  } finally {
    button.disabled = false;
    status.textContent = '';
  }
}
