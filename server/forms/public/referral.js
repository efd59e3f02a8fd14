import { read, send, showErrors } from './seal.js';

const form = document.querySelector('#referral-form');
const FIELDS = [
  'firstName',
  'lastName',
  'preferredName',
  'dateOfBirth',
  'localAuthority',
  'communication',
  'interpreterLanguage',
  'request',
  'urgentWhy',
  'referrerName',
  'referrerContact',
  'contactYoungPerson',
];
const CHOICES = ['referrerRole', 'situation', 'urgent', 'knowsAboutReferral'];

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const a = read(form, FIELDS, CHOICES);
  const problems = [];
  if (!a.referrerRole) problems.push(['referrerRole', 'Choose who you are.']);
  if (!a.firstName) problems.push(['firstName', "Enter the young person's first name."]);
  if (!a.request) problems.push(['request', 'Say what they would like help with.']);
  if (a.dateOfBirth && a.dateOfBirth > new Date().toISOString().slice(0, 10))
    problems.push(['dateOfBirth', 'The date of birth cannot be in the future.']);
  if (a.referrerRole && a.referrerRole !== 'young_person' && !a.referrerContact)
    problems.push(['referrerContact', 'Enter a phone number or email so the manager can reach you.']);
  showErrors(form, problems);
  if (problems.length) return;
  const answers = {
    form: 'referral',
    ...a,
    situation: a.situation ?? 'not_sure',
    urgent: a.urgent ?? 'no',
    knowsAboutReferral: a.knowsAboutReferral ?? 'not_sure',
  };
  void send(form, answers, (json) => {
    document.querySelector('#reference').textContent = json.reference;
  });
});
