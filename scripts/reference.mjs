// `npm run docs`: writes docs/reference.md from the command definitions (src/cli/reference.ts,
// built into dist/reference.js by `npm run build`, which `npm run docs` runs first).
import fs from 'node:fs';
import { renderReference } from '../dist/reference.js';

const file = new URL('../docs/reference.md', import.meta.url);
const text = renderReference();
const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
fs.writeFileSync(file, text);
console.log(before === text ? 'docs/reference.md was al bij.' : 'docs/reference.md is bijgewerkt.');
