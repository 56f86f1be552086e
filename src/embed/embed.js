// CivicPulse embed loader. Portals add this one module script and a <civic-feedback> element.
// Its name is stable (no hash) so portals can link to it; it finds the hashed bundle next to
// itself, so the folder can be hosted anywhere, on any origin. No inline code, no eval and no
// style attributes, so it runs under a strict Content-Security-Policy.

const asset = (path) => new URL(path, import.meta.url).href;
const FALLBACK = {
  en: 'The feedback form could not load. Please try again later.',
  'zh-Hans': '评价表未能加载，请稍后再试。',
  'zh-Hant': '評價表未能載入，請稍後再試。',
};

let bundle = null;
// One download and one Wasm instance for every element on the page.
function loadBundle() {
  bundle ??= import(asset('%%feedback.js%%')).then(async (glue) => {
    await glue.default({ module_or_path: asset('%%feedback.wasm%%') });
    return glue;
  });
  return bundle;
}

function fallbackText(element) {
  const custom = element.getAttribute('fallback');
  if (custom) return custom;
  const tag = element.getAttribute('lang') || navigator.language || 'en';
  if (/^zh-(tw|hk|mo|hant)/i.test(tag)) return FALLBACK['zh-Hant'];
  return /^zh/i.test(tag) ? FALLBACK['zh-Hans'] : FALLBACK.en;
}

// What the widget needs from the browser (the stated floor: Chrome and Edge 103, Firefox 100,
// Safari 16). Older browsers get the fallback text instead of a widget that fails on first use.
const SUPPORTED = typeof WebAssembly === 'object' && typeof AbortSignal?.timeout === 'function'
  && 'indexedDB' in globalThis;

class CivicFeedback extends HTMLElement {
  static observedAttributes = ['endpoint', 'services', 'service-labels', 'lang', 'scale', 'theme', 'timeout-seconds',
    'queue-size', 'headers', 'field-map', 'min-seconds', 'cooldown-hours'];
  #unmount = null;
  #container = null;

  connectedCallback() {
    this.#render();
  }

  disconnectedCallback() {
    this.#teardown();
  }

  attributeChangedCallback(_name, before, after) {
    if (before !== after && this.#container) this.#render();
  }

  async #render() {
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    if (!root.querySelector('link[rel="stylesheet"]')) {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = asset('%%feedback.css%%');
      root.append(link);
    }
    this.#teardown();
    const container = document.createElement('div');
    container.className = 'cp-root';
    root.append(container);
    this.#container = container;
    try {
      if (!SUPPORTED) throw new Error('this browser is older than the supported floor');
      const glue = await loadBundle();
      // The element may have been removed or reconfigured while the bundle loaded.
      if (this.#container === container) this.#unmount = glue.mount(container, this);
    } catch (error) {
      console.error('<civic-feedback> could not start:', error);
      const message = document.createElement('p');
      message.className = 'cp-fallback';
      message.setAttribute('role', 'alert');
      message.textContent = fallbackText(this);
      container.replaceChildren(message);
    }
  }

  #teardown() {
    if (this.#unmount) this.#unmount();
    this.#unmount = null;
    this.#container?.remove();
    this.#container = null;
  }
}

if (!customElements.get('civic-feedback')) customElements.define('civic-feedback', CivicFeedback);
