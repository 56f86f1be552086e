// CivicPulse iframe mode, in the portal's page: sizes every <iframe data-civic-feedback> to its
// content (no scrollbar) and re-dispatches the widget's events on the iframe element, so a
// portal listens the same way in both modes. Only messages from those frames' own windows are
// believed. Include it once: <script type="module" src=".../frame-host.js"></script>

// The widget's element name and event kinds (crates/core/src/web_contract.rs), filled in by the build.
const ELEMENT = %%js:element%%;
const EVENT_KINDS = %%js:event-kinds%%;

function frameOf(source) {
  for (const frame of document.querySelectorAll('iframe[data-civic-feedback]')) {
    if (frame.contentWindow === source) return frame;
  }
  return null;
}

// A module runs once per page however often it is included, so this listens once; nothing is
// added to `window`.
window.addEventListener('message', (event) => {
  const message = event.data;
  if (message?.source !== ELEMENT) return;
  const frame = frameOf(event.source);
  if (!frame) return;
  if (message.type === 'height' && Number.isFinite(message.height)) {
    // CSSOM, not a style attribute: allowed under a strict style-src.
    frame.style.height = `${Math.max(0, message.height)}px`;
  } else if (message.type === 'event' && EVENT_KINDS.includes(message.kind)) {
    frame.dispatchEvent(new CustomEvent(`${ELEMENT}:${message.kind}`, { bubbles: true, detail: message.detail }));
  }
});
