// Writes one output set the way geocode does, every file holding `label`, for tests/scripts/output-set.test.ts
// (which kills it at each step). Usage: node --import tsx write-set-driver.ts DIR LABEL
import { join } from 'node:path';
import { writeOutputSet } from '../../scripts/output-set.ts';

const [dir, label] = process.argv.slice(2);
writeOutputSet([
  { role: 'events', flag: '--output', path: join(dir, 'events.geojson'), content: label },
  { role: 'bin', flag: '--output', path: join(dir, 'events.bin'), content: new TextEncoder().encode(label) },
  { role: 'parts', flag: '--output', path: join(dir, 'events.parts'), content: { folder: [{ name: '00000.json', content: label }, { name: '00001.json', content: label }] } },
  { role: 'documents', flag: '--documents', path: join(dir, 'documents.json'), content: label },
  { role: 'report', flag: '--report', path: join(dir, 'report.md'), content: label },
], (line) => console.log(line));
console.log(`wrote ${label}`);
