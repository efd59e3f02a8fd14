import { ManagersOnly } from './ManagersOnly';
import { PeoplePage } from './PeoplePage';
import { TeamPage } from './TeamPage';

export function TeamRoute() {
  return (
    <ManagersOnly>
      <TeamPage />
    </ManagersOnly>
  );
}

export function PeopleRoute() {
  return (
    <ManagersOnly>
      <PeoplePage />
    </ManagersOnly>
  );
}
