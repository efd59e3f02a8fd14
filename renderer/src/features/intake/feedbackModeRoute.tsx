import { Route } from 'react-router';
import { FeedbackModeView } from './FeedbackModeView';

/** Feedback mode, outside the app layout so no navigation or other record is on screen. */
export function feedbackModeRoute() {
  return <Route path="feedback-mode/:caseId" element={<FeedbackModeView />} />;
}
