import type { caseloadMethods } from '../../../shared/ipc/caseload';
import type { HandlersFor } from '../ipc/handler-types';
import { addAdvocate, currentAdvocate, currentAdvocateId, listAdvocates, setMyName } from './advocates';
import { getCaseDetail } from './case-detail';
import { listReferralsForReport } from './case-summary';
import { createDemoData } from './demo-data';
import { runImport } from './import';
import { findPeople, listCases, localAuthorities, triageQueue } from './queries';
import { closeCase, openWork, reopenCase } from './closure';
import { caseHistory } from './corrections';
import { allocate } from './allocation';
import { serviceAccount } from './service-identity';
import { AppError } from '../../../shared/ipc/errors';
import { addIssue, createReferral, removeIssue, updateIssue, updatePerson, updateReferral } from './referrals';
import { todayIso } from '../../../shared/domain/dates';
import { getReferralRow } from './referrals';

export const caseloadHandlers: HandlersFor<keyof typeof caseloadMethods> = {
  'caseload.me.get': (_input, ctx) => currentAdvocate(ctx),
  'caseload.me.setName': (input, ctx) => setMyName(ctx, input.name),
  'caseload.advocates.list': (_input, ctx) => {
    currentAdvocate(ctx);
    return listAdvocates(ctx.db(), serviceAccount(ctx) !== null);
  },
  'caseload.advocates.add': (input, ctx) => {
    // Connected, the list is the service's people: a name typed here would reach no laptop.
    const account = serviceAccount(ctx);
    if (account)
      throw new AppError(
        'conflict',
        account.role === 'advocate'
          ? 'Advocates come from your service. Ask a manager to add them.'
          : 'Advocates come from your service. Add them on the People screen.',
      );
    return ctx.write((w, db) => addAdvocate(w, db, input.name, input.role, ctx.now().getTime()));
  },
  'caseload.referrals.create': (input, ctx) => createReferral(ctx, input),
  'caseload.referrals.update': (input, ctx) => updateReferral(ctx, input.caseId, input.fields, input.reason),
  'caseload.people.update': (input, ctx) => updatePerson(ctx, input.personId, input.caseId, input.fields, input.reason),
  'caseload.people.find': (input, ctx) => findPeople(ctx.db(), input.query),
  'caseload.case.get': (input, ctx) => getCaseDetail(ctx.db(), input.caseId, ctx.now()),
  'caseload.list': (input, ctx) => listCases(ctx.db(), input, input.mine ? currentAdvocateId(ctx) : null, ctx.now()),
  'caseload.triage': (_input, ctx) => triageQueue(ctx.db(), ctx.now()),
  'caseload.localAuthorities': (_input, ctx) => localAuthorities(ctx.db()),
  'caseload.allocate': (input, ctx) => allocate(ctx, input.caseId, input.advocateId, input.date),
  'caseload.issues.add': (input, ctx) => addIssue(ctx, input.caseId, input.issue),
  'caseload.issues.update': (input, ctx) => updateIssue(ctx, input.issueId, input.fields, input.reason),
  'caseload.issues.remove': (input, ctx) => ({ removed: removeIssue(ctx, input.issueId, input.reason) }),
  'caseload.case.close': (input, ctx) => closeCase(ctx, input),
  'caseload.case.reopen': (input, ctx) => reopenCase(ctx, input.caseId),
  'caseload.cases.export': (_input, ctx) =>
    listReferralsForReport(ctx.db()).map((r) => ({ ...r, issues: [...r.issues] })),
  'caseload.demoData': (input, ctx) =>
    createDemoData(ctx, {
      referrals: input.referrals,
      seed: input.seed,
      onProgress: (done, total) =>
        ctx.emit({ type: 'progress', task: 'demo-data', done, total, label: `${done} of ${total} referrals` }),
    }),
  'caseload.case.openWork': (input, ctx) => {
    getReferralRow(ctx.db(), input.caseId);
    return openWork(ctx.db(), input.caseId, todayIso(ctx.now()));
  },
  'caseload.case.history': (input, ctx) => {
    getReferralRow(ctx.db(), input.caseId);
    return caseHistory(ctx.db(), input.caseId);
  },
  'caseload.import.preview': (input, ctx) => {
    const { imported: _i, ...report } = runImport(ctx, input.csv, false);
    return report;
  },
  'caseload.import.apply': (input, ctx) => runImport(ctx, input.csv, true),
};
