// Compiles a published JSON Schema from schemas/ with ajv (draft 2020-12, strict).
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';

const root = new URL('../../', import.meta.url);

export const readJson = (path) => JSON.parse(readFileSync(new URL(path, root), 'utf8'));

export function compile(schemaPath) {
  return new Ajv2020({ allErrors: true, strict: true }).compile(readJson(schemaPath));
}

export const explain = (validate) => (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
