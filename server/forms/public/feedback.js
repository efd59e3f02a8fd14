import { read, send } from './seal.js';

const form = document.querySelector('#feedback-form');
const ROLE_FOR = { parent: 'parent', carer: 'carer' };

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const a = read(
    form,
    ['comment', 'mayQuote'],
    ['listenedTo', 'thingsChanged', 'useAgain', 'voiceHeard', 'keptInformed', 'recommend', 'respondentRole'],
  );
  const audience = form.dataset.audience;
  const respondentRole = audience === 'young_person' ? null : (ROLE_FOR[audience] ?? a.respondentRole ?? 'other');
  void send(form, { form: 'feedback', ...a, respondentRole }, () => {});
});
