// The staff page: satisfaction per service (GET /v1/summary, k-suppressed) with bar charts, the
// hotline import (POST /v1/staff/import/hotline), and the inbox of bad reviews
// (GET /v1/staff/inbox) with status changes and public replies (POST /v1/staff/receipts/{code}). The token stays in sessionStorage, this tab only. No inline
// script or style attribute: bars are sized through the CSSOM, which a strict CSP allows.
const form = document.getElementById('sign-in');
const tokenInput = document.getElementById('token');
const message = document.getElementById('message');
const KEY = 'civic-pulse:staff-token';

// Shared with the Rust side (crates/core/src/web_contract.rs), filled in by the build.
const FOLLOW_UP = %%js:follow-up-statuses%%;
const URGENCY = %%js:urgencies%%;
const MAX_REPLY_CHARS = %%js:max-comment-chars%%;

const element = (tag, props = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (name === 'className') node.className = value;
    else node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
};

async function api(path, init = {}) {
  const token = sessionStorage.getItem(KEY) ?? '';
  const response = await fetch(path, { ...init, credentials: 'omit', headers: { ...init.headers, Authorization: `Bearer ${token}` } });
  if (response.status === 401) throw new Error('令牌不正确。The token is not right.');
  if (response.status === 403) {
    const { problems = [] } = await response.json().catch(() => ({}));
    // A department's token on another department's case, or on what only the city's token does.
    if (problems.some((problem) => problem.message.includes('department'))) {
      throw new Error(`这不在本部门的权限内。${problems.map((problem) => problem.message).join(' ')}`);
    }
    throw new Error('收集器未开启工作人员访问（CIVIC_PULSE_STAFF_TOKEN）。Staff access is off on the collector.');
  }
  if (response.status === 409) {
    const { problems = [] } = await response.json().catch(() => ({}));
    throw new Error(`无法完成。${problems.map((problem) => problem.message).join(' ')}`);
  }
  if (response.status === 400) {
    const { problems = [] } = await response.json().catch(() => ({}));
    throw new Error(problems.map((problem) => problem.message).join(' ') || '请求无效。The request was refused.');
  }
  if (!response.ok) throw new Error(`服务器错误 ${response.status}。The collector answered ${response.status}.`);
  return response.json();
}

function summaryTable(data) {
  if (!data.services.length) return element('p', {}, '还没有评价。No ratings yet.');
  const table = element('table', { className: 'portal-table' },
    element('caption', {}, `满意度 0–100，只计评价不少于 ${data.min_cell} 条的月份；少于 ${data.min_cell} 条的不显示，以免识别个人。Satisfaction 0–100, counted over the months with at least ${data.min_cell} ratings; anything smaller is hidden so nobody can be identified.`));
  table.append(element('thead', {}, element('tr', {},
    ...['服务 Service', '评价数 Ratings', '差评比例 Bad reviews', '满意度 Satisfaction'].map((h) => element('th', { scope: 'col' }, h)))));
  const body = element('tbody');
  for (const service of data.services) {
    const score = service.satisfaction;
    const bar = element('span', { className: 'portal-bar', 'aria-hidden': 'true' });
    bar.style.width = `${score ?? 0}%`;
    body.append(element('tr', {},
      element('th', { scope: 'row' }, service.service),
      element('td', {}, service.count === null || service.count === undefined ? '—' : String(service.count)),
      element('td', {}, service.bad_share === null || service.bad_share === undefined ? '—' : `${Math.round(service.bad_share * 100)} %`),
      element('td', {}, element('span', { className: 'portal-bar-track' }, bar), ` ${score === null || score === undefined ? '—' : Math.round(score)}`)));
  }
  table.append(body);
  return table;
}

/** The deadlines the collector is set to, as counted: calendar days or working days. */
let counting = 'calendar';
const daysOpen = (days) => (counting === 'working'
  ? `已 ${days} 个工作日 · open ${days} working days`
  : `已 ${days} 天 · open ${days} days`);

function deadlinesHint({ acknowledge_hours: hours, close_days: days, counting: unit }) {
  const [zh, en] = unit === 'working' ? ['个工作日（不计节假日）', 'working days (public holidays not counted)'] : ['天', 'days'];
  return `差评须在 ${hours} 小时内受理、${days} ${zh}内办结。Acknowledge a bad review within ${hours} hours and close it within ${days} ${en}.`;
}

/** A department's name, Chinese and English, from the inbox's departments (else its id). */
function departmentLabel(departments, id) {
  const names = departments.find((department) => department.id === id)?.names ?? {};
  const zh = names['zh-Hans'] ?? names['zh-Hant'];
  const en = names.en;
  return [zh, en].filter(Boolean).join(' ') || id;
}

/** Passing a case to another department, with the reason (which the resident never sees). */
function transferForm(item, departments) {
  const others = departments.filter((department) => department.id !== item.department);
  if (!others.length) return '';
  const target = element('select', { id: `transfer-to-${item.receipt}` },
    ...others.map((department) => element('option', { value: department.id }, departmentLabel(departments, department.id))));
  const reason = element('input', { id: `transfer-reason-${item.receipt}`, type: 'text', maxlength: '500', required: '' });
  const done = element('span', { role: 'status' });
  const form = element('form', { className: 'portal-form' },
    element('label', { for: target.id }, '转交给 Transfer to'), target,
    element('label', { for: reason.id }, '转交原因（仅工作人员可见） Reason (staff only)'), reason,
    element('button', { type: 'submit' }, '转交 Transfer'), done);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    done.textContent = '转交中… Transferring…';
    try {
      await api(`v1/staff/receipts/${item.receipt}/transfer`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ department: target.value, reason: reason.value.trim() }),
      });
      done.textContent = `已转交 Transferred: ${departmentLabel(departments, target.value)}`;
    } catch (error) {
      done.textContent = error.message;
    }
  });
  return form;
}

/** The inbox, a page at a time: each page's items are added to the list, and "Show more" asks
 * the collector for the next page with the token it gave. */
function inboxList(data, query) {
  if (!data.items.length) return element('p', {}, '没有差评。No bad reviews.');
  const list = element('ol', { className: 'portal-inbox' });
  const more = element('button', { type: 'button' }, '显示更多 Show more');
  const shown = element('p', { role: 'status', className: 'portal-hint' });
  const total = Object.values(data.counts?.urgency ?? {}).reduce((sum, count) => sum + count, 0);
  let next = data.next;
  const add = (page) => {
    inboxItems(page, list);
    next = page.next;
    more.hidden = !next;
    shown.textContent = `显示 ${list.children.length} / ${total} 条。Showing ${list.children.length} of ${total}.`;
  };
  more.addEventListener('click', async () => {
    more.disabled = true;
    try {
      const separator = query ? '&' : '?';
      add(await api(`v1/staff/inbox${query}${separator}after=${encodeURIComponent(next)}`));
    } catch (error) {
      shown.textContent = error.message;
    }
    more.disabled = false;
  });
  add(data);
  return element('div', {}, list, shown, more);
}

function inboxItems(data, list) {
  const departments = data.departments ?? [];
  for (const item of data.items) {
    const status = element('select', { id: `status-${item.receipt}` },
      // What staff may set, and the case's current status (confirmed or reopened by the resident).
      ...Object.entries(FOLLOW_UP).filter(([value, { settable }]) => settable || value === item.status).map(([value, { staff: label }]) => {
        const option = element('option', { value }, label);
        if (value === item.status) option.selected = true;
        return option;
      }));
    const reply = element('textarea', { id: `reply-${item.receipt}`, rows: '3', maxlength: String(MAX_REPLY_CHARS) });
    reply.value = item.reply ?? '';
    const saved = element('span', { role: 'status' });
    const save = element('button', { type: 'submit' }, '保存 Save');
    const form = element('form', { className: 'portal-form' },
      element('label', { for: status.id }, '状态 Status'), status,
      element('label', { for: reply.id }, '公开答复 Public reply (the resident sees it with the code)'), reply,
      save, saved);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      saved.textContent = '保存中… Saving…';
      try {
        await api(`v1/staff/receipts/${item.receipt}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          // No reply field clears the public reply.
          body: JSON.stringify({ status: status.value, ...(reply.value.trim() ? { reply: reply.value.trim() } : {}) }),
        });
        saved.textContent = '已保存。Saved.';
      } catch (error) {
        saved.textContent = error.message;
      }
    });
    list.append(element('li', { className: `portal-inbox__item portal-inbox__item--${item.urgency}` },
      element('h3', {}, `${item.receipt} · ${item.service} · ${item.day}`),
      item.department ? element('p', {}, `部门 Department: ${departmentLabel(departments, item.department)}`) : '',
      element('p', {}, `${URGENCY[item.urgency]} · ${daysOpen(item.days_open)} · 评分 score ${item.score}`),
      element('p', { className: 'portal-hint' }, item.timeline.map((event) => {
        const to = event.department ? ` → ${departmentLabel(departments, event.department)}${event.reason ? `（${event.reason}）` : ''}` : '';
        return `${event.at.replace('T', ' ')} ${FOLLOW_UP[event.kind]?.staff ?? event.kind}${to}`;
      }).join(' → ')),
      item.aspects.length ? element('p', {}, `问题 Aspects: ${item.aspects.join(', ')}`) : '',
      item.comment ? element('blockquote', { lang: item.lang }, item.comment) : '',
      form,
      transferForm(item, departments)));
  }
}

/** What an import did: how many were stored, each caller's reference for a bad review, and the
 * rows refused, by line and reason. */
function hotlineReport(report) {
  const parts = [element('p', {}, `新保存 ${report.stored} 条，已存在 ${report.already} 条，未导入 ${report.refused.length} 行。Stored ${report.stored} new, ${report.already} already stored, ${report.refused.length} rows refused.`)];
  if (report.refused.length) {
    parts.push(element('ul', {}, ...report.refused.map((row) => element('li', {},
      `第 ${row.line} 行 Line ${row.line}: ${row.problems.map((problem) => `${problem.field} ${problem.message}`).join('; ')}`))));
  }
  return parts;
}

const hotlineFile = document.getElementById('hotline-file');
const hotlineResult = document.getElementById('hotline-result');
hotlineFile.addEventListener('change', async () => {
  const [file] = hotlineFile.files;
  if (!file) return;
  hotlineResult.replaceChildren(element('p', {}, '导入中… Importing…'));
  try {
    const report = await api('v1/staff/import/hotline', { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: await file.text() });
    hotlineResult.replaceChildren(...hotlineReport(report));
    await load();
  } catch (error) {
    hotlineResult.replaceChildren(element('p', {}, error.message));
  }
  hotlineFile.value = '';
});

const changesMonth = document.getElementById('changes-month');
const changesLang = document.getElementById('changes-lang');
const reportLink = document.getElementById('report-link');
const showReportLink = () => {
  reportLink.href = `report.html?month=${changesMonth.value}&lang=${changesLang.value}`;
};
// Last month by default: the report a city publishes at the start of a month.
const lastMonth = new Date();
lastMonth.setUTCDate(1);
lastMonth.setUTCMonth(lastMonth.getUTCMonth() - 1);
changesMonth.value = lastMonth.toISOString().slice(0, 7);
changesMonth.addEventListener('change', showReportLink);
changesLang.addEventListener('change', showReportLink);
showReportLink();
document.getElementById('changes-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const saved = document.getElementById('changes-saved');
  saved.textContent = '保存中… Saving…';
  try {
    const changes = document.getElementById('changes-text').value.split('\n').map((line) => line.trim()).filter(Boolean);
    await api(`v1/staff/reports/${changesMonth.value}/changes`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ lang: changesLang.value, changes }),
    });
    saved.textContent = '已保存。Saved.';
  } catch (error) {
    saved.textContent = error.message;
  }
});

const departmentSelect = document.getElementById('department');
departmentSelect.addEventListener('change', () => load());

/** The department filter: the city's staff choose one or all; a department's token sees its own. */
function showScope(inbox) {
  const own = inbox.scope?.department;
  const departments = inbox.departments ?? [];
  document.getElementById('scope').textContent = own ? `本部门收件箱 Your department's inbox: ${departmentLabel(departments, own)}` : '';
  const filter = document.getElementById('department-filter');
  filter.hidden = Boolean(own) || !departments.length;
  if (!filter.hidden && departmentSelect.options.length !== departments.length + 1) {
    departmentSelect.replaceChildren(element('option', { value: '' }, '全部 All'),
      ...departments.map((department) => element('option', { value: department.id }, departmentLabel(departments, department.id))));
  }
  // The hotline import stores ratings for every department, and the report speaks for the
  // whole city: the city's token only.
  document.getElementById('hotline').hidden = Boolean(own);
  document.getElementById('report').hidden = Boolean(own);
}

async function load() {
  message.textContent = '正在加载… Loading…';
  try {
    const chosen = departmentSelect.value ? `?department=${encodeURIComponent(departmentSelect.value)}` : '';
    const [summary, inbox] = await Promise.all([api('v1/summary'), api(`v1/staff/inbox${chosen}`)]);
    document.getElementById('summary-body').replaceChildren(summaryTable(summary));
    counting = inbox.deadlines.counting;
    document.getElementById('deadlines').textContent = deadlinesHint(inbox.deadlines);
    document.getElementById('inbox-body').replaceChildren(inboxList(inbox, chosen));
    document.getElementById('summary').hidden = false;
    document.getElementById('inbox').hidden = false;
    document.getElementById('hotline').hidden = false;
    document.getElementById('report').hidden = false;
    showScope(inbox);
    message.textContent = `已加载，截至 ${inbox.today}。Loaded, as of ${inbox.today} (UTC).`;
  } catch (error) {
    message.textContent = error.message;
    tokenInput.focus();
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  sessionStorage.setItem(KEY, tokenInput.value.trim());
  load();
});
if (sessionStorage.getItem(KEY)) load();
