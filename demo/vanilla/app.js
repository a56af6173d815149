// Plain DOM events: every pd-* event bubbles, so listeners can sit on the elements or any ancestor.
const status = document.getElementById('connect-status');
const runSection = document.getElementById('run');
const result = document.getElementById('run-result');
let form;

document.querySelector('pd-connect-button').addEventListener('pd-connect-success', (event) => {
  status.textContent = `Connected: ${event.account.name}`;
  status.classList.add('done');
  // The form for the connected account: objects go to properties, here the account for its OpenAI field.
  form?.remove();
  form = document.createElement('pd-action-form');
  form.setAttribute('component-key', 'openai-chat');
  form.configuredProps = { openai: { authProvisionId: event.account.id } };
  form.addEventListener('pd-run-success', (run) => {
    result.textContent = `Result: ${run.result.exports?.$summary ?? 'Done'}`;
    result.hidden = false;
  });
  result.before(form);
  runSection.hidden = false;
});

document.querySelector('pd-account-list').addEventListener('pd-disconnect', (event) => {
  if (form?.configuredProps.openai?.authProvisionId !== event.account.id) return;
  status.textContent = 'Not connected yet.';
  status.classList.remove('done');
  runSection.hidden = true;
});
