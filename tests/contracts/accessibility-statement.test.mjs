// ACCESSIBILITY.md names a test for each criterion it claims: this keeps every name honest (the
// file exists and holds a test of that name) and every WCAG 2.2 A and AA criterion listed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
const statement = readFileSync(new URL('ACCESSIBILITY.md', root), 'utf8');

// WCAG 2.2's level A and AA success criteria (4.1.1 was removed in 2.2).
const CRITERIA = `1.1.1 1.2.1 1.2.2 1.2.3 1.2.4 1.2.5 1.3.1 1.3.2 1.3.3 1.3.4 1.3.5 1.4.1 1.4.2 1.4.3 1.4.4 1.4.5
1.4.10 1.4.11 1.4.12 1.4.13 2.1.1 2.1.2 2.1.4 2.2.1 2.2.2 2.3.1 2.4.1 2.4.2 2.4.3 2.4.4 2.4.5 2.4.6 2.4.7
2.4.11 2.5.1 2.5.2 2.5.3 2.5.4 2.5.7 2.5.8 3.1.1 3.1.2 3.2.1 3.2.2 3.2.3 3.2.4 3.2.6 3.3.1 3.3.2 3.3.3
3.3.4 3.3.7 3.3.8 4.1.2 4.1.3`.split(/\s+/);

const rows = statement.split('\n').filter((line) => /^\| \d\.\d+\.\d+ /.test(line))
  .map((line) => line.split(' | ').map((cell) => cell.replace(/^\| |\s*\|$/g, '')));

test('the statement has one row for every WCAG 2.2 A and AA criterion, in order', () => {
  assert.deepEqual(rows.map((cells) => cells[0].split(' ')[0]), CRITERIA);
});

test('every row that applies says how we know: a named test or a dated review', () => {
  for (const [criterion, , , applies, status, how] of rows) {
    assert.ok(['yes', 'no'].includes(applies), `${criterion}: applies is yes or no`);
    if (applies === 'yes') {
      assert.ok(['met', 'partly', 'not met'].includes(status), `${criterion}: status`);
      assert.ok(/\[test: /.test(how) || /Review of .+, \d{4}-\d{2}-\d{2}/.test(how), `${criterion} says how we know`);
    }
  }
});

test('every test the statement names exists in the suite ./test runs', () => {
  const named = [...statement.matchAll(/\[test: ([^ \]]+) › ([^\]]+)\]/g)];
  assert.ok(named.length > 40);
  for (const [, file, name] of named) {
    const path = new URL(file, root);
    assert.ok(existsSync(path), `${file} exists`);
    const source = readFileSync(path, 'utf8');
    const found = file.endsWith('.rs') ? source.includes(`fn ${name}(`) : source.includes(name.replace(/\\"/g, '"'));
    assert.ok(found, `${file} has a test “${name}”`);
  }
});
