// The resident's receipt lookup: GET /v1/receipts/{code} on this collector, the answer in words,
// in one language: `?lang=`, else the browser's, as the widget chooses (the widget's link says
// which it spoke). No script inline, so it runs under a strict CSP.
const form = document.getElementById('lookup');
const input = document.getElementById('code');
const result = document.getElementById('result');
// The case's timeline and the "was it solved?" question, outside the status region, so a screen
// reader announces the status alone and the buttons are not read as part of it.
const caseDetails = document.getElementById('case');

// Shared with the Rust side (crates/core/src/web_contract.rs), filled in by the build.
const TEXTS = %%js:receipt-texts%%;
const LANGUAGES = %%js:loader-languages%%;
const LANGUAGE_NAMES = %%js:language-names%%;
const FALLBACK_LANGUAGE = %%js:fallback-language%%;
const ALPHABET = %%js:receipt-alphabet%%;
const LENGTH = %%js:receipt-length%%;

/** A catalogue language for a BCP 47 tag: its tag or an alias, then shorter and shorter. */
function languageFor(tag) {
  let candidate = (tag ?? '').trim().toLowerCase();
  while (candidate) {
    const found = LANGUAGES.find((language) =>
      [language.tag, ...language.aliases].some((name) => name.toLowerCase() === candidate));
    if (found) return found.tag;
    const cut = candidate.lastIndexOf('-');
    if (cut < 0) return null;
    candidate = candidate.slice(0, cut);
  }
  return null;
}

const params = new URLSearchParams(location.search);
const lang = languageFor(params.get('lang'))
  ?? navigator.languages.map(languageFor).find(Boolean)
  ?? FALLBACK_LANGUAGE;
const text = (key, values = {}) =>
  Object.entries(values).reduce((said, [name, value]) => said.replace(`{${name}}`, value), TEXTS[lang][key] ?? key);

/** The page's own words, and a way to each other language (keeping the code asked for). */
function speak() {
  document.documentElement.lang = lang;
  document.title = text('receipt-title');
  for (const node of document.querySelectorAll('[data-text]')) node.textContent = text(node.dataset.text);
  document.getElementById('code-hint').textContent = text('receipt-example', { code: '7KQ2M9XD' });
  const nav = document.getElementById('languages');
  nav.setAttribute('aria-label', text('receipt-languages'));
  const list = document.createElement('ul');
  list.className = 'portal-languages';
  for (const language of LANGUAGES) {
    const item = document.createElement('li');
    const name = language.tag === lang ? document.createElement('span') : document.createElement('a');
    name.lang = language.tag;
    name.textContent = LANGUAGE_NAMES[language.tag];
    if (language.tag === lang) {
      name.setAttribute('aria-current', 'page');
    } else {
      const link = new URLSearchParams(params);
      link.set('lang', language.tag);
      name.href = `?${link}`;
      name.hreflang = language.tag;
    }
    item.append(name);
    list.append(item);
  }
  nav.replaceChildren(list);
}

/** The code as it is seen, and spelled out one character at a time for a screen reader, which
 * would otherwise read "7KQ2M9XD" as a word. */
function codeSpelled(code) {
  const seen = Object.assign(document.createElement('span'), { textContent: code });
  seen.setAttribute('aria-hidden', 'true');
  const spelled = Object.assign(document.createElement('span'), {
    className: 'portal-visually-hidden',
    textContent: [...code].join(' '),
  });
  return [seen, spelled];
}

/** The status line; for a code, the code spelled out. */
function say(key, values = {}, reply = null) {
  const line = document.createElement('p');
  if (values.code) {
    const [before, after] = text(key, { ...values, code: '\u0000' }).split('\u0000');
    line.append(before, ...codeSpelled(values.code), after ?? '');
  } else {
    line.textContent = text(key, values);
  }
  const parts = [line];
  if (reply) parts.push(Object.assign(document.createElement('blockquote'), { textContent: reply }));
  result.replaceChildren(...parts);
}

/** A department's name in this language, from the answer's departments (else its id). */
function departmentName(departments, id) {
  const names = departments.find((department) => department.id === id)?.names ?? {};
  return names[lang] ?? names.en ?? Object.values(names)[0] ?? id;
}

/** The case's steps, each on its day; a transfer names the department it went to. */
function timelineList(timeline, departments) {
  const list = document.createElement('ol');
  list.className = 'portal-timeline';
  list.setAttribute('aria-label', text('receipt-timeline'));
  for (const { kind, day, department } of timeline) {
    const item = document.createElement('li');
    const time = Object.assign(document.createElement('time'), { dateTime: day, textContent: day });
    const step = text(`status-${kind}`, { department: departmentName(departments, department) });
    item.append(time, ` ${step}`);
    list.append(item);
  }
  return list;
}

/** "Was your problem solved?" after an answer, once: yes confirms it, no reopens the case. */
function solvedQuestion(code) {
  const group = document.createElement('div');
  group.className = 'portal-solved';
  group.setAttribute('role', 'group');
  group.setAttribute('aria-labelledby', 'solved-question');
  const question = Object.assign(document.createElement('p'), { id: 'solved-question', textContent: text('receipt-solved-question') });
  const answer = (solved, key) => {
    const button = Object.assign(document.createElement('button'), { type: 'button', textContent: text(key) });
    button.addEventListener('click', async () => {
      try {
        const response = await fetch(`v1/receipts/${code}/confirmation`, {
          method: 'POST',
          credentials: 'omit',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ solved }),
        });
        if (!response.ok && response.status !== 409) throw new Error(String(response.status));
        await lookUp(code);
      } catch {
        say('receipt-send-failed');
      }
    });
    return button;
  };
  group.append(question, answer(true, 'receipt-solved-yes'), answer(false, 'receipt-solved-no'));
  return group;
}

async function lookUp(code) {
  const clean = code.trim().toUpperCase();
  if (clean.length !== LENGTH || [...clean].some((character) => !ALPHABET.includes(character))) {
    say('receipt-bad-code');
    input.focus();
    return;
  }
  say('receipt-checking');
  caseDetails.replaceChildren();
  try {
    const response = await fetch(`v1/receipts/${clean}`, { credentials: 'omit' });
    if (response.status === 404) {
      say('receipt-not-found');
      return;
    }
    if (!response.ok) throw new Error(String(response.status));
    const { status, reply, timeline = [], can_confirm: canConfirm, departments = [] } = await response.json();
    const known = `status-${status}` in TEXTS[lang];
    say('receipt-status', { code: clean, status: text(known ? `status-${status}` : 'status-unknown') }, reply);
    caseDetails.replaceChildren(timelineList(timeline, departments), ...(canConfirm ? [solvedQuestion(clean)] : []));
  } catch {
    say('receipt-unavailable');
  }
}

speak();
form.addEventListener('submit', (event) => {
  event.preventDefault();
  lookUp(input.value);
});
const given = params.get('code');
if (given) {
  input.value = given;
  lookUp(given);
}
