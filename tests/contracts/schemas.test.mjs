// The published JSON Schemas against the files and payloads that must follow them, so the
// contracts in schemas/ never drift from what the code writes and reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { compile, explain, readJson } from './schema.mjs';

const root = new URL('../../', import.meta.url);

test('every built-in framework follows the framework schema', () => {
  const validate = compile('schemas/framework.v1.schema.json');
  const files = readdirSync(new URL('crates/core/frameworks/', root)).filter((name) => name.endsWith('.json'));
  assert.deepEqual(files.sort(), ['qa-2025.json', 'smart-2021.json']);
  for (const name of files) {
    assert.ok(validate(readJson(`crates/core/frameworks/${name}`)), `${name}: ${explain(validate)}`);
  }
});

test('the framework schema rejects what the engine rejects', () => {
  const validate = compile('schemas/framework.v1.schema.json');
  const framework = readJson('crates/core/frameworks/qa-2025.json');
  framework.nodes[0].wieght = 3;
  assert.equal(validate(framework), false, 'a misspelt field is an error, not silently ignored');
  const negative = readJson('crates/core/frameworks/qa-2025.json');
  negative.nodes[0].weight = -1;
  assert.equal(validate(negative), false);
});

test('the rating schema accepts its example and the README example, and nothing extra', () => {
  const validate = compile('schemas/rating.v1.schema.json');
  const schema = readJson('schemas/rating.v1.schema.json');
  for (const example of schema.examples) assert.ok(validate(example), explain(validate));
  const readme = readFileSync(new URL('README.md', root), 'utf8');
  const block = readme.match(/```json\n([\s\S]*?)```/);
  assert.ok(block, 'the README shows a rating');
  assert.ok(validate(JSON.parse(block[1])), `README example: ${explain(validate)}`);
  assert.equal(validate({ ...schema.examples[0], userAgent: 'Mozilla/5.0' }), false, 'no tracking fields');
  assert.equal(validate({ ...schema.examples[0], score: 0 }), false);
  assert.equal(validate({ ...schema.examples[0], id: 'not-a-uuid' }), false);
  // A day the collector refuses, the schema refuses: not a real date, or before 1970.
  for (const day of ['2026-02-30', '1969-12-31', '0000-00-00', '2026-13-01']) {
    assert.equal(validate({ ...schema.examples[0], day }), false, day);
  }
  assert.ok(validate({ ...schema.examples[0], day: '2024-02-29' }), 'a leap day');
  assert.equal(validate({ ...schema.examples[0], lang: '' }), false, 'one of the widget languages');
});

test('the collector OpenAPI document names every route the collector serves, and no other', () => {
  const openapi = readJson('crates/collector/openapi.json');
  assert.equal(openapi.openapi, '3.1.0');
  const app = readFileSync(new URL('crates/collector/src/app.rs', root), 'utf8');
  const routed = [...app.matchAll(/\.route\(\s*"([^"]+)",\s*(get|post)\(/g)].map(([, path, method]) => `${method} ${path}`).sort();
  const documented = Object.entries(openapi.paths)
    .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method} ${path}`))
    .sort();
  assert.deepEqual(documented, routed);
  const references = JSON.stringify(openapi).match(/"\$ref":"\.\.\/\.\.\/schemas\/[^"]+"/g) ?? [];
  assert.ok(references.length >= 3 && references.every((r) => r.includes('rating.v1.schema.json')), 'payloads are the published rating schema');
});

for (const version of ['v1', 'v2']) {
  test(`the assessment schema ${version} accepts its example, which the engine reads too, and refuses mixed figures`, () => {
    const validate = compile(`schemas/assessment.${version}.schema.json`);
    const schema = readJson(`schemas/assessment.${version}.schema.json`);
    for (const example of schema.examples) assert.ok(validate(example), explain(validate));
    const [example] = schema.examples;
    assert.equal(validate({ ...example, inputs: { 'T1.1': { level: 2, score: 50 } } }), false, 'exactly one figure');
    assert.equal(validate({ ...example, inputs: { 'T1.1': { level: 5 } } }), false);
    assert.equal(validate({ ...example, owner: 'someone' }), false, 'nothing extra');
  });
}

test('assessment schema v2: targets hold only a figure, the progress share is 0 to 1', () => {
  const validate = compile('schemas/assessment.v2.schema.json');
  const [example] = readJson('schemas/assessment.v2.schema.json').examples;
  assert.equal(validate({ ...example, targets: { 'T1.1': { level: 4, note: 'why' } } }), false, 'no note on a target');
  assert.equal(validate({ ...example, targets: { 'T1.1': { level: 4, score: 90 } } }), false, 'one figure');
  assert.equal(validate({ ...example, progress_weight: 1.5 }), false);
  assert.equal(validate({ ...example, baseline: { year: 2025, inputs: {}, colour: 1 } }), false, 'nothing extra in the baseline');
});
