/** The main navigation, in the order advocates use it. Features replace the placeholder pages. */
export const navItems = [
  { path: '/', label: 'Today' },
  { path: '/caseload', label: 'Caseload' },
  { path: '/calendar', label: 'Calendar' },
  { path: '/letters', label: 'Letters' },
  { path: '/reports', label: 'Reports' },
  { path: '/sync', label: 'Sync' },
  { path: '/data-protection', label: 'Data protection' },
  { path: '/settings', label: 'Settings' },
] as const;

/** Shown only on a manager's laptop connected to a service (features/team). */
export const managerNavItems = [
  { path: '/team', label: 'Team' },
  { path: '/people', label: 'People' },
] as const;
