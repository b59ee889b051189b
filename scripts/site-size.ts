/**
 * `npm run site-size -- [--strict] [--limit BYTES]`: the built site's size (PAPERSHELF_OUT, default
 * dist/) against GitHub Pages' 1 GB limit. It warns when the site is over; with --strict (the deploy
 * workflow) it exits 1 instead, before an upload Pages would reject. Other hosts have other limits,
 * so a local build only warns.
 */
import { parseArgs } from 'node:util';
import { builtSiteDir } from '../src/build/built-site.ts';
import { PAGES_SITE_LIMIT_BYTES, describeSiteSize, measureSite } from '../src/build/site-size.ts';

const { values } = parseArgs({ options: { strict: { type: 'boolean', default: false }, limit: { type: 'string' } } });
const limit = values.limit === undefined ? PAGES_SITE_LIMIT_BYTES : Number(values.limit);
if (!(limit > 0)) {
  console.error(`site-size: --limit takes a number of bytes, not "${values.limit}"`);
  process.exit(2);
}
const size = measureSite(builtSiteDir(), limit);
if (size.files === 0) {
  console.error(`site-size: nothing built in ${builtSiteDir()}: run npm run build first`);
  process.exit(2);
}
const line = `site-size: ${describeSiteSize(size)}`;
if (!size.over) console.log(line);
else if (values.strict) {
  console.error(`${line}. Not deploying. Make the site smaller (fewer papers, PAPERSHELF_SKIP_CARDS=1), or publish it on a host without this limit.`);
  process.exit(1);
} else console.warn(`${line} (a warning: other hosts have other limits; the deploy workflow stops here)`);
