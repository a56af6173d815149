// The page's own code: plain event listeners on the elements' events.
const status = document.querySelector('#connect-status');
const result = document.querySelector('#run-result');
document.addEventListener('pd-connect-success', (event) => {
  status.textContent = `Connected: ${event.account.name}`;
});
document.addEventListener('pd-run-success', (event) => {
  result.textContent = `Result: ${event.result.exports?.$summary ?? ''}`;
  result.hidden = false;
});
