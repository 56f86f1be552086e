// The resident's receipt lookup: GET /v1/receipts/{code} on this collector, the answer in words
// (Chinese first, English after). No script inline, so it runs under a strict CSP.
const form = document.getElementById('lookup');
const input = document.getElementById('code');
const result = document.getElementById('result');

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

async function lookUp(code) {
  const clean = code.trim().toUpperCase();
  if (clean.length !== LENGTH || [...clean].some((character) => !ALPHABET.includes(character))) {
    say('查询编号是 8 位字母和数字（不含 0、O、1、I、L），请检查后再试。',
      'A reference number has 8 letters and digits (never 0, O, 1, I or L). Please check it and try again.');
    input.focus();
    return;
  }
  say('正在查询…', 'Checking…');
  try {
    const response = await fetch(`v1/receipts/${clean}`, { credentials: 'omit' });
    if (response.status === 404) {
      say('找不到这个查询编号。请核对每一位。', 'No feedback has this reference number. Please check each character.');
      return;
    }
    if (!response.ok) throw new Error(String(response.status));
    const { status, reply } = await response.json();
    const [zh, en] = FOLLOW_UP[status]?.resident ?? ['状态未知。', 'Status unknown.'];
    say(`编号 ${clean}：${zh}`, `Reference ${clean}: ${en}`, reply);
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
