import type { z } from 'zod';

/**
 * Turns zod issues into sentences an advocate can act on. Field labels come from the schema's
 * `.describe()` text where present, so forms and the CLI say "Date of birth" rather than "dob".
 * Values are never echoed back: they may be a child's details.
 */
export function describeIssues(error: z.ZodError): { message: string; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '(form)';
    if (!(path in fields)) fields[path] = plainIssue(issue);
  }
  const parts = Object.entries(fields).map(([path, text]) => (path === '(form)' ? text : `${labelFor(path)}: ${text}`));
  const message =
    parts.length === 0 ? 'Some details were not valid.' : `Please check these details. ${parts.join(' ')}`;
  return { message, fields };
}

function labelFor(path: string): string {
  const last = path.split('.').pop() ?? path;
  const words = last
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function plainIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'this is required.' : 'this is not the right kind of value.';
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return 'this is required.';
      if (issue.origin === 'array' && Number(issue.minimum) <= 1) return 'choose at least one.';
      return issue.origin === 'string'
        ? `must be at least ${String(issue.minimum)} characters.`
        : `must be at least ${String(issue.minimum)}.`;
    case 'too_big':
      return issue.origin === 'string'
        ? `must be at most ${String(issue.maximum)} characters.`
        : `must be at most ${String(issue.maximum)}.`;
    case 'invalid_value':
      return 'is not one of the allowed choices.';
    case 'invalid_format':
      return issue.format === 'regex'
        ? issue.message || 'is not in the expected format.'
        : `is not a valid ${issue.format}.`;
    case 'unrecognized_keys':
      return `has fields that are not expected (${issue.keys.join(', ')}).`;
    case 'custom':
      return issue.message;
    default:
      return issue.message || 'is not valid.';
  }
}
