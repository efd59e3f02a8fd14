import { councilByCode } from '../../../../shared/domain/councils';

/** Words for a conflict's record and field, and its values as readable text. */
export const humanise = (name: string): string => {
  const s = name.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
};

function textOf(node: unknown): string {
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (node && typeof node === 'object') {
    const n = node as { text?: unknown; content?: unknown; type?: unknown };
    const inner = typeof n.text === 'string' ? n.text : textOf(n.content ?? '');
    return n.type === 'paragraph' || n.type === 'heading' || n.type === 'listItem' ? `${inner}\n` : inner;
  }
  return '';
}

/** Plain text of a value: rich text (stored as JSON) shows its words, not its markup. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (typeof value === 'string') {
    if (value.startsWith('{') || value.startsWith('[')) {
      try {
        const parsed = JSON.parse(value) as unknown;
        if (parsed && typeof parsed === 'object') return textOf(parsed).trim() || JSON.stringify(parsed);
      } catch {
        // not JSON: shown as typed
      }
    }
    // A council is kept by its ONS code; a person choosing between two wants its name.
    const council = councilByCode(value);
    return council ? `${council.name} (${value})` : value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return textOf(value).trim() || JSON.stringify(value);
}

export const reasonText: Record<string, string> = {
  concurrent_edit: 'Two people changed this at the same time.',
  deleted: 'This was changed on one computer while it was deleted on another.',
  not_allocated: 'This was changed after the case was allocated to someone else.',
  wrong_case: 'This change named a different case from the one the record belongs to.',
};
