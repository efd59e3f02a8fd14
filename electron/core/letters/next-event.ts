import { complaintTimeline, type ComplaintStage } from '../../../shared/domain/complaint-deadlines';
import type { NextEvent, NextEventProvider } from '../caseload/next-event-provider';
import type { Db } from '../db/database';

const stageNames: Record<ComplaintStage, string> = { stage1: 'Stage 1', stage2: 'Stage 2', stage3: 'Stage 3' };

/**
 * The caseload list's "next" column: each case's earliest open complaint deadline. One already
 * missed is given too, dated when it fell due, so it sorts before anything still to come.
 */
export const complaintsNextEvent: NextEventProvider = (db: Db, caseIds, today) => {
  const out = new Map<string, NextEvent>();
  const rows = db
    .prepare(
      `SELECT case_id, stage, received_on, extended_to, response_received_on, panel_held_on, panel_report_on
         FROM complaints WHERE deleted_at IS NULL AND outcome IS NULL AND case_id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(caseIds)) as {
    case_id: string;
    stage: ComplaintStage;
    received_on: string;
    extended_to: number | null;
    response_received_on: string | null;
    panel_held_on: string | null;
    panel_report_on: string | null;
  }[];
  for (const r of rows) {
    const t = complaintTimeline(
      {
        stage: r.stage,
        received: r.received_on,
        extendedTo: r.extended_to,
        responseReceived: r.response_received_on,
        outcome: null,
        panelHeld: r.panel_held_on,
        panelReportReceived: r.panel_report_on,
      },
      today,
    );
    const due = t.deadlines.find((d) => d.due === t.nextDue && (d.status === 'pending' || d.status === 'overdue'));
    if (!t.nextDue || !due) continue;
    const label = `${stageNames[r.stage]} complaint: ${due.label}${due.status === 'overdue' ? ' (overdue)' : ''}`;
    const cur = out.get(r.case_id);
    if (!cur || t.nextDue < cur.date) out.set(r.case_id, { date: t.nextDue, label });
  }
  return out;
};
