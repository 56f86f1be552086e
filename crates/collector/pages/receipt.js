// The resident's receipt lookup: GET /v1/receipts/{code} on this collector, the answer in words
// (Chinese first, English after). No script inline, so it runs under a strict CSP.
const form = document.getElementById('lookup');
const input = document.getElementById('code');
const result = document.getElementById('result');
// The case's timeline and the "was it solved?" question, outside the status region, so a screen
// reader announces the status alone and the buttons are not read as part of it.
const caseDetails = document.getElementById('case');

// Shared with the Rust side (crates/core/src/web_contract.rs), filled in by the build.
const FOLLOW_UP = %%js:follow-up-statuses%%;
const ALPHABET = %%js:receipt-alphabet%%;
const LENGTH = %%js:receipt-length%%;

function say(zh, en, reply) {
  const lines = [[zh, 'zh-Hans'], [en, 'en']].map(([text, lang]) => {
    const p = document.createElement('p');
    p.lang = lang;
    p.textContent = text;
    return p;
  });
  if (reply) {
    const quote = document.createElement('blockquote');
    quote.textContent = reply;
    lines.push(quote);
  }
  result.replaceChildren(...lines);
}

/** A department's name in a language, from the answer's departments (else its id). */
function departmentName(departments, id, lang) {
  const names = departments.find((department) => department.id === id)?.names ?? {};
  return names[lang] ?? names.en ?? Object.values(names)[0] ?? id;
}

/** The case's steps, each on its day; a transfer names the department it went to. */
function timelineList(timeline, departments) {
  const list = document.createElement('ol');
  list.className = 'portal-timeline';
  list.setAttribute('aria-label', '处理过程 Timeline');
  for (const { kind, day, department } of timeline) {
    const [zh, en] = (FOLLOW_UP[kind]?.resident ?? [kind, kind]).map((text, index) =>
      text.replace('{department}', departmentName(departments, department, index === 0 ? 'zh-Hans' : 'en')));
    const item = document.createElement('li');
    const time = document.createElement('time');
    time.dateTime = day;
    time.textContent = day;
    const zhText = Object.assign(document.createElement('span'), { lang: 'zh-Hans', textContent: ` ${zh} ` });
    const enText = Object.assign(document.createElement('span'), { lang: 'en', textContent: en });
    item.append(time, zhText, enText);
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
  const question = Object.assign(document.createElement('p'), { id: 'solved-question', textContent: '您的问题解决了吗？ Was your problem solved?' });
  const answer = (solved, label) => {
    const button = Object.assign(document.createElement('button'), { type: 'button', textContent: label });
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
        say('暂时无法提交，请稍后再试。', 'Your answer could not be sent right now. Please try again later.');
      }
    });
    return button;
  };
  group.append(question, answer(true, '解决了 Yes, solved'), answer(false, '没有解决 No, not solved'));
  return group;
}

async function lookUp(code) {
  const clean = code.trim().toUpperCase();
  if (clean.length !== LENGTH || [...clean].some((character) => !ALPHABET.includes(character))) {
    say('查询编号是 8 位字母和数字（不含 0、O、1、I、L），请检查后再试。',
      'A reference number has 8 letters and digits (never 0, O, 1, I or L). Please check it and try again.');
    input.focus();
    return;
  }
  say('正在查询…', 'Checking…');
  caseDetails.replaceChildren();
  try {
    const response = await fetch(`v1/receipts/${clean}`, { credentials: 'omit' });
    if (response.status === 404) {
      say('找不到这个查询编号。请核对每一位。', 'No feedback has this reference number. Please check each character.');
      return;
    }
    if (!response.ok) throw new Error(String(response.status));
    const { status, reply, timeline = [], can_confirm: canConfirm, departments = [] } = await response.json();
    const [zh, en] = FOLLOW_UP[status]?.resident ?? ['状态未知。', 'Status unknown.'];
    say(`编号 ${clean}：${zh}`, `Reference ${clean}: ${en}`, reply);
    caseDetails.replaceChildren(timelineList(timeline, departments), ...(canConfirm ? [solvedQuestion(clean)] : []));
  } catch {
    say('暂时无法查询，请稍后再试。', 'The status cannot be checked right now. Please try again later.');
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  lookUp(input.value);
});
const given = new URLSearchParams(location.search).get('code');
if (given) {
  input.value = given;
  lookUp(given);
}
