import { describe, expect, it } from 'vitest';
import { collectNotice } from '../../electron/core/intake/collect-forms';
import { onlineFeedbackSchema, onlineReferralSchema } from '../../shared/intake/online-forms';

const referral = { form: 'referral', firstName: 'Tia', request: 'Help at her review', referrerRole: 'young_person' };

describe('what the online forms may carry, checked on the laptop after opening', () => {
  it('takes a short referral and fills what was left out', () => {
    expect(onlineReferralSchema.parse(referral)).toMatchObject({
      situation: 'not_sure',
      urgent: 'no',
      knowsAboutReferral: 'not_sure',
      dateOfBirth: '',
    });
  });

  it('refuses a referral with no name, no request, a day that does not exist, or keys the form never sends', () => {
    expect(onlineReferralSchema.safeParse({ ...referral, firstName: '' }).success).toBe(false);
    expect(onlineReferralSchema.safeParse({ ...referral, firstName: '', preferredName: 'T' }).success).toBe(true);
    expect(onlineReferralSchema.safeParse({ ...referral, request: '   ' }).success).toBe(false);
    expect(onlineReferralSchema.safeParse({ ...referral, dateOfBirth: '2012-02-30' }).success).toBe(false);
    expect(onlineReferralSchema.safeParse({ ...referral, dateOfBirth: '2012-02-29' }).success).toBe(true);
    expect(onlineReferralSchema.safeParse({ ...referral, allocatedTo: 'someone' }).success).toBe(false);
    expect(onlineFeedbackSchema.safeParse({ form: 'feedback', listenedTo: 'ecstatic' }).success).toBe(false);
  });

  it('tells the manager, in words, what could not be opened or saved', () => {
    expect(collectNotice({ referrals: 2, feedback: 1, unreadable: 0, failed: 0 })).toBeNull();
    expect(collectNotice({ referrals: 0, feedback: 0, unreadable: 2, failed: 1 })).toBe(
      "2 online forms could not be opened: they were damaged or not sent by the service's form, and have been removed from the service. 1 online form could not be saved on this computer; it is kept on the service and Heard will try again.",
    );
  });
});
