// The demo portal's own script (not part of CivicPulse): a floating "Rate this service" button
// that opens the widget in a native modal dialog. showModal() makes the rest of the page inert
// and Escape closes it; focus returns to the button. Tab past either end of the dialog would
// reach the browser's own toolbar, so a sentinel at each end wraps focus around instead.
const dialog = document.getElementById('rate-dialog');
const opener = document.getElementById('rate-open');
// While the page's own widget is on screen, the floating button would sit over it on a phone,
// over the send button itself (WCAG 2.4.11/2.4.12: focus never hidden, not even in part): it
// takes its place in the page's flow then, below the widget, and floats again once the widget
// has scrolled out of view.
const inline = document.querySelector('main > civic-feedback');
if (inline && 'IntersectionObserver' in window) {
  new IntersectionObserver(([entry]) => {
    opener.classList.toggle('portal-rate-button--in-flow', entry.isIntersecting);
  }).observe(inline);
}
// Each widget says when it is ready; the place portal.css holds for it until then is its own from
// then on (the README's "Hold the widget's place").
document.addEventListener('civic-feedback:ready', (event) => event.target.classList.add('portal-widget--ready'));
// The widget in the dialog is created on first opening: nothing is mounted for a dialog nobody opens.
opener.addEventListener('click', () => {
  if (!dialog.querySelector('civic-feedback')) {
    const widget = document.createElement('civic-feedback');
    widget.setAttribute('endpoint', '/v1/ratings');
    widget.setAttribute('services', 'government');
    document.getElementById('rate-close').before(widget);
  }
  dialog.showModal();
});
document.getElementById('rate-close').addEventListener('click', () => dialog.close());
dialog.addEventListener('close', () => opener.focus());
// A click on the backdrop (outside the dialog's box) closes it too.
dialog.addEventListener('click', (event) => {
  const box = dialog.getBoundingClientRect();
  const inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
  if (!inside) dialog.close();
});
for (const sentinel of dialog.querySelectorAll('[data-wrap-to]')) {
  sentinel.addEventListener('focus', () => document.getElementById(sentinel.dataset.wrapTo).focus());
}
