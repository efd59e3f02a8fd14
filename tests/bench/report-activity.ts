import { seededRandom } from '../../shared/domain/seeded-random';
import type { Db } from '../../electron/core/db/database';
import { ethnicityCodes, systemicAreas } from '../../shared/domain/equality';
import { meetingTypes } from '../../shared/domain/meetings';
import { uuidv7 } from '../../shared/domain/ids';

/**
 * The casework behind the demo referrals, for the report benchmark: ethnicity and disability on
 * every person, and per referral a few visits and calls, meetings with debriefs, and now and then
 * a complaint, a safeguarding record, a help-at-hand letter and a systemic issue. Written straight
 * into the tables (this measures reading, not writing).
 */
export function addReportActivity(db: Db, seed = 19): { contacts: number; meetings: number; complaints: number } {
  const rng = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
  const cases = db
    .prepare('SELECT id, referral_date, closure_date FROM referrals WHERE deleted_at IS NULL')
    .all() as Array<{ id: string; referral_date: string; closure_date: string | null }>;
  const day = (from: string, max: number): string => {
    const d = new Date(`${from}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + Math.floor(rng() * max));
    return d.toISOString().slice(0, 10);
  };
  const counts = { contacts: 0, meetings: 0, complaints: 0 };
  db.transaction(() => {
    const person = db.prepare('UPDATE people SET ethnicity = ?, disability_status = ? WHERE id = ?');
    for (const id of db.prepare('SELECT id FROM people').pluck().all() as string[]) {
      person.run(
        rng() < 0.1 ? null : pick(ethnicityCodes),
        pick(['yes', 'no', 'no', 'no', 'not_known', null] as const),
        id,
      );
    }
    db.prepare(
      "UPDATE referral_issues SET closed_on = (SELECT closure_date FROM referrals r WHERE r.id = referral_id) WHERE status = 'resolved'",
    ).run();
    const contact = db.prepare(
      'INSERT INTO contacts (id, case_id, type, occurred_at, duration_minutes, travel_minutes, miles, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const meeting = db.prepare(
      'INSERT INTO meetings (id, case_id, meeting_type, meeting_date, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    const debrief = db.prepare(
      'INSERT INTO meeting_debriefs (id, case_id, meeting_id, attended, views_presented, wishes_reflected, debriefed_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const complaint = db.prepare(
      'INSERT INTO complaints (id, case_id, stage, received_on, response_received_on, outcome, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const letter = db.prepare(
      "INSERT INTO letters (id, case_id, template_id, title, body, sent_on) VALUES (?, ?, 'help-at-hand', 'Help at Hand', '{}', ?)",
    );
    const safeguarding = db.prepare(
      "INSERT INTO safeguarding_records (id, case_id, disclosed_at, disclosure, decision, reason, told, recorded_at) VALUES (?, ?, ?, 'd', 'd', 'r', ?, ?)",
    );
    const systemic = db.prepare(
      'INSERT INTO systemic_issues (id, case_id, area, issue, raised_on, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const issues = [
      'High turnover in the 16-plus team',
      'No education provision for UASC',
      'Late reviews',
      'No interpreter booked',
      'Placements far from school',
    ];
    for (const c of cases) {
      const span = c.closure_date
        ? Math.max(1, (Date.parse(c.closure_date) - Date.parse(c.referral_date)) / 86_400_000)
        : 120;
      for (let i = 0; i < 4; i++) {
        contact.run(
          uuidv7(),
          c.id,
          i % 2 === 0 ? 'visit' : pick(['phone', 'video', 'text', 'email'] as const),
          `${day(c.referral_date, span)}T10:00`,
          30 + Math.floor(rng() * 90),
          Math.floor(rng() * 120),
          Math.round(rng() * 600) / 10,
          c.referral_date,
        );
        counts.contacts++;
      }
      const m = uuidv7();
      const date = day(c.referral_date, span);
      meeting.run(m, c.id, pick(meetingTypes), date, c.referral_date);
      if (rng() < 0.7)
        debrief.run(
          uuidv7(),
          c.id,
          m,
          pick(['whole', 'part', 'no'] as const),
          pick(['young_person', 'advocate', 'in_writing', 'not_presented'] as const),
          pick(['yes', 'partly', 'no', null] as const),
          date,
          `${date}T12:00:00Z`,
        );
      counts.meetings++;
      if (rng() < 0.12) {
        const received = day(c.referral_date, span);
        complaint.run(uuidv7(), c.id, 'stage1', received, rng() < 0.8 ? day(received, 25) : null, null, received);
        counts.complaints++;
        if (rng() < 0.2) letter.run(uuidv7(), c.id, day(received, 40));
      }
      if (rng() < 0.05)
        safeguarding.run(
          uuidv7(),
          c.id,
          `${day(c.referral_date, span)}T11:00`,
          rng() < 0.6 ? '[{"name":"Duty","role":"MASH","toldAt":"2026-01-01T10:00"}]' : '[]',
          c.referral_date,
        );
      if (rng() < 0.08)
        systemic.run(uuidv7(), c.id, pick(systemicAreas), pick(issues), day(c.referral_date, span), c.referral_date);
    }
  })();
  return counts;
}
