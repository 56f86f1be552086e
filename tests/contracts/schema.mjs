// Compiles a published JSON Schema from schemas/ with ajv (draft 2020-12, strict).
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const root = new URL('../../', import.meta.url);

export const readJson = (path) => JSON.parse(readFileSync(new URL(path, root), 'utf8'));

export function compile(schemaPath) {
  // `date` is checked as a real calendar date, as the collector checks a rating's day.
  const ajv = addFormats(new Ajv2020({ allErrors: true, strict: true }), ['date']);
  return ajv.compile(readJson(schemaPath));
}

export const explain = (validate) => (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
