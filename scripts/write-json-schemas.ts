// Writes the published JSON Schemas of the writer's outputs to schemas/ (run after changing
// src/write/schemas.ts): node --import tsx scripts/write-json-schemas.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { jsonSchemas } from '../src/write/schemas.js';

const dir = fileURLToPath(new URL('../schemas/', import.meta.url));
for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(`${dir}${name}`, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote schemas/${name}`);
}
