import { EmptyState } from './EmptyState';
import { PageHeader } from './PageHeader';

/** Screens whose features arrive with later issues; each says what it will hold and what to do now. */
export function CaseloadPage() {
  return (
    <>
      <PageHeader title="Caseload" description="The young people and parents you are working with." />
      <EmptyState title="No cases yet" next="When referrals are taken or imported, your open cases will be listed here with their next meeting or deadline." />
    </>
  );
}

export function CalendarPage() {
  return (
    <>
      <PageHeader title="Calendar" description="Meetings, visits and deadlines." />
      <EmptyState title="Nothing in your calendar" next="Meetings you add to a case, and complaint deadlines, will appear here." />
    </>
  );
}

export function LettersPage() {
  return (
    <>
      <PageHeader title="Letters" description="Complaint letters and letters to professionals." />
      <EmptyState title="No letters yet" next="Open a case to write a letter from a template." />
    </>
  );
}

export function ReportsPage() {
  return (
    <>
      <PageHeader title="Reports" description="Quarterly figures for commissioners." />
      <EmptyState title="No report to show yet" next="Once cases are recorded, pick a quarter here to see its figures." />
    </>
  );
}

export function SyncPage() {
  return (
    <>
      <PageHeader title="Sync" description="Send your records to your service and receive your allocated cases." />
      <EmptyState title="Not connected to a service" next="Add your service's address in Settings. Until then, everything stays on this computer." />
    </>
  );
}
