// CivicPulse embed loader. Portals add this one module script and a <civic-feedback> element.
// Its name is stable (no hash) so portals can link to it; it finds the hashed bundle next to
// itself, so the folder can be hosted anywhere, on any origin. No inline code, no eval and no
// style attributes, so it runs under a strict Content-Security-Policy.

const asset = (path) => new URL(path, import.meta.url).href;
// Facts shared with the Rust side (crates/core/src/web_contract.rs), filled in by the build.
// Each language the widget speaks, with the texts shown before the Wasm is running (on a weak
// network the bundle takes a second or more, so say so instead of showing an empty box) and the
// name of the file with the widget's own texts in that language.
const LANGUAGES = %%js:loader-languages%%;
const FALLBACK_LANGUAGE = %%js:fallback-language%%;
const PHONE_DIGITS = %%js:phone-digits%%;
const PHONE_PATTERN = new RegExp(%%js:phone-pattern%%);

let bundle = null;
// One download and one Wasm instance for every element on the page.
function loadBundle() {
  if (!bundle) {
    // The Wasm download starts together with the JS glue's, not after it: one round trip less
    // on a slow network. The glue awaits the response it is given.
    const wasm = fetch(asset('%%feedback.wasm%%'));
    wasm.catch(() => {}); // a failure surfaces through the glue; never as an unhandled rejection
    // The glue imports the loader of the widget's second part (and the loader the glue): asked
    // for together, the loader is not one more round trip after the glue.
    import(asset('%%feedback-split.js%%')).catch(() => {});
    bundle = import(asset('%%feedback.js%%')).then(async (glue) => {
      await glue.default({ module_or_path: wasm });
      return glue;
    });
  }
  return bundle;
}

// The widget's texts come as files (crates/core/src/widget_texts.rs): the first part's in the
// resident's language is fetched together with the bundle; the file with every text in every
// language when the widget asks for it (with its second part). One download of each for every
// element on the page; a failure is not remembered, so the next try fetches again.
const EVERY_LANGUAGE_TEXTS = %%js:every-language-texts%%;
const texts = new Map();
function loadTexts(name) {
  let file = texts.get(name);
  if (!file) {
    file = fetch(asset(`%%feedback-folder%%${name}`)).then((response) => {
      if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
      return response.text();
    });
    file.catch(() => texts.delete(name));
    texts.set(name, file);
  }
  return file;
}
const everyLanguagesTexts = () => loadTexts(EVERY_LANGUAGE_TEXTS);

/** The language for a BCP 47 tag as the widget picks it (`Lang::from_tag`): its own tag or an
 * alias, without regard to case, then with trailing subtags dropped one by one. */
function languageOf(tag) {
  let candidate = tag.trim().toLowerCase();
  for (;;) {
    const found = LANGUAGES.find((language) =>
      [language.tag, ...language.aliases].some((name) => name.toLowerCase() === candidate));
    if (found) return found;
    const cut = candidate.lastIndexOf('-');
    if (cut < 0) return null;
    candidate = candidate.slice(0, cut);
  }
}

/** The widget's language: its `lang` attribute, else the first of the browser's languages the
 * widget speaks (`Lang::negotiate`), else the fallback. */
function languageFor(element) {
  const tags = [element.getAttribute('lang') || '', ...(navigator.languages ?? [navigator.language])];
  return tags.map(languageOf).find(Boolean)
    ?? LANGUAGES.find((candidate) => candidate.tag === FALLBACK_LANGUAGE);
}

/** A loader text (`loading`, `failed` or `call`) in the widget's language. */
function loaderText(element, kind) {
  return languageFor(element)[kind];
}

// What the widget needs from the browser (the stated floor: Chrome and Edge 103, Firefox 100,
// Safari 16). Older browsers get the fallback text instead of a widget that fails on first use.
const SUPPORTED = typeof WebAssembly === 'object' && typeof AbortSignal?.timeout === 'function'
  && 'indexedDB' in globalThis;

// With panic=abort, a trap (a bug in the widget) stops the one Wasm instance every widget on the
// page shares. Each widget is then replaced by its fallback text rather than left frozen. The
// listeners exist only while at least one widget is on the page.
const live = new Set();
let trapped = false;
function onTrap(event) {
  const error = event.error ?? event.reason;
  if (!(error instanceof WebAssembly.RuntimeError) || trapped) return;
  trapped = true;
  console.error(`<${ELEMENT}> stopped after an internal error:`, error);
  for (const element of live) element.showFallback();
}
function track(element, present) {
  const before = live.size;
  if (present) live.add(element);
  else live.delete(element);
  if (before === 0 && live.size === 1) {
    window.addEventListener('error', onTrap);
    window.addEventListener('unhandledrejection', onTrap);
  } else if (before > 0 && live.size === 0) {
    window.removeEventListener('error', onTrap);
    window.removeEventListener('unhandledrejection', onTrap);
  }
}

/** The attributes that configure a widget: a change re-renders it. (`fallback` is read only when
 * the widget cannot run.) Exported for iframe mode, which takes the same options. */
export const CONFIG_ATTRIBUTES = %%js:config-attributes%%;
export const ELEMENT = %%js:element%%;

class CivicFeedback extends HTMLElement {
  static observedAttributes = CONFIG_ATTRIBUTES;
  #unmount = null;
  #container = null;

  connectedCallback() {
    track(this, true);
    this.#render();
  }

  disconnectedCallback() {
    track(this, false);
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
      if (trapped) throw new Error('the widget stopped after an internal error');
      this.#showMessage('cp-loading', 'status', loaderText(this, 'loading'));
      const [glue, words] = await Promise.all([loadBundle(), loadTexts(languageFor(this).texts)]);
      // The element may have been removed or reconfigured while the bundle loaded.
      if (this.#container === container) {
        container.replaceChildren();
        this.#unmount = glue.mount(container, this, words, everyLanguagesTexts);
      }
    } catch (error) {
      console.error(`<${ELEMENT}> could not start:`, error);
      this.showFallback();
    }
  }

  /** Replaces the widget with the static fallback text (never a blank or frozen box), and the
   * number to call instead when the portal gave one. */
  showFallback() {
    if (!this.#container) return;
    // After a trap the Wasm instance must not be called again, not even to unmount.
    this.#unmount = null;
    this.#showMessage('cp-fallback', 'alert', this.getAttribute('fallback') || loaderText(this, 'failed'));
    const phone = (this.getAttribute('phone') || '').trim();
    const digits = phone.replace(/[^0-9]/g, '').length;
    if (digits < PHONE_DIGITS[0] || digits > PHONE_DIGITS[1] || !PHONE_PATTERN.test(phone)) return;
    // The number as a real link, except on a kiosk, where nothing may leave the page.
    const number = document.createElement(this.getAttribute('mode') === 'kiosk' ? 'span' : 'a');
    if (number.tagName === 'A') number.href = `tel:${phone.replace(/[^0-9+]/g, '')}`;
    number.textContent = phone;
    const [before, after = ''] = loaderText(this, 'call').split('{phone}');
    const line = document.createElement('p');
    line.className = 'cp-call';
    line.append(before, number, after);
    this.#container.append(line);
  }

  #showMessage(className, role, text) {
    const message = document.createElement('p');
    message.className = className;
    message.setAttribute('role', role);
    message.textContent = text;
    this.#container.replaceChildren(message);
  }

  #teardown() {
    if (this.#unmount) this.#unmount();
    this.#unmount = null;
    this.#container?.remove();
    this.#container = null;
  }
}

if (!customElements.get(ELEMENT)) customElements.define(ELEMENT, CivicFeedback);
