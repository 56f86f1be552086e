// CivicPulse iframe mode, inside the frame. The page's query parameters are the element's
// attributes (frame.html?endpoint=/v1/ratings&services=transport&lang=en). The frame tells its
// parent its height, so the parent can size the iframe to never show a scrollbar, and forwards
// the widget's events. `origin` (optional) restricts which parent origin may hear them.

import { CONFIG_ATTRIBUTES, ELEMENT } from './embed.js';

// The widget's event kinds (crates/core/src/web_contract.rs), filled in by the build.
const EVENT_KINDS = %%js:event-kinds%%;

const ATTRIBUTES = [...CONFIG_ATTRIBUTES, 'fallback'];
const params = new URLSearchParams(location.search);
const target = params.get('origin') || '*';
const widget = document.createElement(ELEMENT);
for (const name of ATTRIBUTES) {
  if (params.has(name)) widget.setAttribute(name, params.get(name));
}
if (params.has('lang')) document.documentElement.lang = params.get('lang');
document.getElementById('civic-frame').append(widget);

const tell = (message) => {
  if (window.parent !== window) window.parent.postMessage({ source: ELEMENT, ...message }, target);
};
let last = 0;
new ResizeObserver(() => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== last) tell({ type: 'height', height: (last = height) });
}).observe(document.documentElement);
for (const kind of EVENT_KINDS) {
  widget.addEventListener(`${ELEMENT}:${kind}`, (event) => tell({ type: 'event', kind, detail: event.detail ?? null }));
}
