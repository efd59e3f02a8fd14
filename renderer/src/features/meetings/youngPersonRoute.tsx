import { Route } from 'react-router';
import { YoungPersonView } from './YoungPersonView';

/** The young-person view, outside the app layout so no navigation or other record is on screen. */
export function youngPersonRoute() {
  return <Route path="young-person/:statementId" element={<YoungPersonView />} />;
}
