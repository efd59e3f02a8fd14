import { formatUkDate } from '../../../../shared/domain/dates';

/** "2026-03-07T14:05:00.000Z" -> "07/03/2026 14:05" in the computer's time zone. */
export function formatUkDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const local = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return `${formatUkDate(local)} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}
