/**
 * Names and references reach the admin's terminal from enrolled devices (a device names itself at
 * enrolment; references are pushed), and any device may be hostile. Control characters in them
 * could move the cursor, rewrite earlier lines, set the window title or, in some terminals, answer
 * back as typed input; bidirectional overrides can make text read differently from what it is.
 * So every such character is shown as a visible escape, and a backslash as two, so the escaped
 * form cannot be mistaken for the real thing.
 */
// C0 controls, DEL and C1 controls; line and paragraph separators; bidi embeddings, overrides,
// isolates and marks; the BOM and zero-width characters that hide text.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b-\u200f\u061c\ufeff\\]/g;

export function forTerminal(text: string): string {
  return text.replace(UNSAFE, (ch) => {
    if (ch === '\\') return '\\\\';
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
