import type { CaseBanner } from '../caseload/case-page-extensions';
import { OnlineReferralBanner } from './OnlineReferralBanner';

/** Above a case's tabs: an online referral's origin and any possible match waiting for a manager. */
export const intakeCaseBanners: CaseBanner[] = [{ id: 'online-referral', Component: OnlineReferralBanner }];
