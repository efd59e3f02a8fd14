/**
 * Commands that read records and so left the service when it stopped being able to read them
 * (server/README.md, What the service sees). Each names where the work is done now; `strict`
 * option parsing would otherwise answer "unknown option" to a script that still calls them.
 */
export const MOVED_TO_LAPTOP: Readonly<Record<string, string>> = {
  report:
    "The service can no longer read records, so it cannot make the quarterly report. Open Heard on a manager's laptop (it holds every case), sync it, and open Reports and choose the quarter; it covers the whole service. (On that laptop, `npm run heard -- report quarterly --quarter 2026-Q2 --format csv --data-dir DIR` gives the same as a file.) Nothing was done.",
  retention:
    "The service can no longer read records, so it cannot tell which closed cases are due. Open Heard on a manager's laptop, sync it, and use Data protection, Retention: it lists every case due, service-wide. Nothing was done.",
  'retention-erase':
    "Cases due at the end of their retention period are erased from a manager's laptop (Data protection, Retention): it checks they are due, then asks the service to erase them everywhere. Nothing was done.",
};
