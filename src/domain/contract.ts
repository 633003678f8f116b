// Contract templates: plain text with '# ' for the title, '## ' for an article (numbered in
// order), paragraphs separated by blank lines, {{name}} placeholders, and two blocks on a line of
// their own: {{rooster}} (the schedule as a table) and {{handtekeningen}} (the signature block).
import { ValueError } from '../errors.js';

export type ContractBlock =
  | { soort: 'titel'; tekst: string }
  | { soort: 'artikel'; nummer: number; tekst: string }
  | { soort: 'alinea'; tekst: string }
  | { soort: 'rooster' }
  | { soort: 'handtekeningen' };

/** Parse a template and fill in its placeholders; an unknown placeholder names itself and the known ones. */
export function fillTemplate(template: string, values: Record<string, string>): ContractBlock[] {
  const blocks: ContractBlock[] = [];
  let artikel = 0;
  const fill = (text: string) =>
    text.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (_, name: string) => {
      const value = values[name];
      if (value === undefined)
        throw new ValueError(
          `{{${name}}}`,
          `een van ${[...Object.keys(values), 'rooster', 'handtekeningen'].map((k) => `{{${k}}}`).join(', ')}`,
        );
      return value;
    });
  for (const chunk of template.replace(/\r\n/g, '\n').split(/\n\s*\n/)) {
    const text = chunk.trim();
    if (!text) continue;
    if (/^\{\{\s*rooster\s*\}\}$/.test(text)) blocks.push({ soort: 'rooster' });
    else if (/^\{\{\s*handtekeningen\s*\}\}$/.test(text)) blocks.push({ soort: 'handtekeningen' });
    else {
      // A heading may be followed directly by its first paragraph.
      const lines = text.split('\n');
      const rest: string[] = [];
      for (const line of lines) {
        if (line.startsWith('## ')) blocks.push({ soort: 'artikel', nummer: ++artikel, tekst: fill(line.slice(3).trim()) });
        else if (line.startsWith('# ')) blocks.push({ soort: 'titel', tekst: fill(line.slice(2).trim()) });
        else rest.push(line.trim());
      }
      // A paragraph that fills to nothing is left out: a clause only some contracts have (the
      // share of a shared koppeling, {{verdeling}}) stands on its own and leaves no gap elsewhere.
      const tekst = rest.length > 0 ? fill(rest.join(' ')) : '';
      if (tekst.trim()) blocks.push({ soort: 'alinea', tekst });
    }
  }
  return blocks;
}
