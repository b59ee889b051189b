/**
 * Page furniture of the Hugging Face Daily Papers page, as select-all copies and page exporters give
 * it (collected from public captures of huggingface.co/papers): the page header, the site's
 * navigation and footer, the list's controls, and the lines each paper card adds. Matched whole,
 * without case or spaces; the header's phrases also when glued to the start of the first title.
 * Furniture a particular copy adds on every card is not listed here: the reader learns it from the
 * file (a line that stands unchanged at the same place of every card).
 */
const FURNITURE = {
  header: [
    'Get trending papers in your email inbox once a day!',
    'Get trending papers in your email inbox!',
    'by AK and the research community',
    'Daily Papers by AK and the research community',
    'and the research community',
    'Daily Papers',
    'Trending Papers',
    'Subscribe',
    'new',
  ],
  navigation: [
    "Hugging Face's logo",
    'Hugging Face',
    'Models',
    'Datasets',
    'Spaces',
    'Buckets new',
    'Buckets',
    'Docs',
    'Enterprise',
    'Pricing',
    'Log In',
    'Sign Up',
    'Website',
    'Tasks',
    'HuggingChat',
    'Collections',
    'Languages',
    'Organizations',
    'Community',
    'Blog',
    'Posts',
    'Learn',
    'Discord',
    'Forum',
    'GitHub',
    'Solutions',
    'Team & Enterprise',
    'Hugging Face PRO',
    'Enterprise Support',
    'Inference Providers',
    'Inference Endpoints',
    'Storage Buckets',
    'System theme',
    'Company',
    'TOS',
    'Terms of Service',
    'Privacy',
    'About',
    'Careers',
    'Jobs',
  ],
  controls: [
    'Daily',
    'Weekly',
    'Monthly',
    'Previous',
    'Next',
    'Submit',
    'Submit a paper',
    'Trending Papers ranked by GitHub stars activity',
    'Search any paper with AI',
    'Show less',
    'Show more',
    'Read more',
    'See more',
    'No papers found.',
    "We couldn't find any paper matching your query. Try using different keywords, or submit a paper if it is missing.",
  ],
} as const;
/** `paper page`: the sections of a paper's own page around its abstract (paper-page.ts); `org markup`: an org file's own lines (lines.ts). */
export type FurnitureKind = keyof typeof FURNITURE | 'paper card' | 'printed page' | 'paper page' | 'org markup';

/** Header phrases long enough to be told apart from a title they are glued to. */
const GLUABLE = FURNITURE.header.filter((b) => b.length > 3);

/**
 * A line as it compares with the furniture: without case or spaces, since how a copied page
 * spaces its linked words depends on the browser (`byAK and …` here, `by AK and …` elsewhere).
 */
const furnitureForm = (line: string) => line.toLowerCase().replace(/ /g, '');
const FURNITURE_KIND = new Map<string, FurnitureKind>(
  (Object.entries(FURNITURE) as [FurnitureKind, readonly string[]][]).flatMap(([kind, lines]) => lines.map((line) => [furnitureForm(line), kind] as const)),
);
/** Longer than any furniture line and any printed page's header or footer, with room for spacing. */
const LONGEST_FURNITURE = 2 * Math.max(160, ...[...FURNITURE_KIND.keys()].map((form) => form.length));

/**
 * What each paper card adds in copies that keep its links and widgets: the upvote button (`[-] 12`,
 * `[-] -`), a link target on its own line, a lone bracket of a link split over lines; and a search's
 * count of results (`0 papers`).
 */
const CARD_FURNITURE = /^(?:\[-\] ?(?:\d[\d,.]*k?|-)|https?:\/\/\S+|\[|\]|\]\[\d+\]|\d{1,7} papers?)$/i;

/**
 * What a browser prints at the top and foot of every page of a printed or PDF-saved page, alone or
 * run together on one line by a PDF's text layer: the date and time, the page's title, its address
 * and the page number (`5/30/24, 10:14 AM`, `https://huggingface.co/papers 1/3`).
 */
const PRINTED = [/\b\d{1,2}[./]\d{1,2}[./]\d{2,4},? +\d{1,2}:\d{2}(?: ?[AP]M)?/gi, /https?:\/\/\S+/g, /\b(?:page +)?\d{1,4} *(?:\/|of) *\d{1,4}\b/gi, /\bDaily Papers +[-–—|] +Hugging Face\b/gi];
function isPrintedPageLine(line: string): boolean {
  if (line.length > 160) return false;
  let pieces = 0;
  let rest = line;
  for (const piece of PRINTED) {
    rest = rest.replace(piece, () => {
      pieces++;
      return ' ';
    });
  }
  return pieces > 0 && rest.trim() === '';
}

/** A furniture line, by kind, or undefined for content. */
export function furnitureKind(line: string): FurnitureKind | undefined {
  // An abstract is no furniture: most lines of a file are long, and none is worth lowercasing.
  if (line.length > LONGEST_FURNITURE) return CARD_FURNITURE.test(line) ? 'paper card' : undefined;
  return FURNITURE_KIND.get(furnitureForm(line)) ?? (CARD_FURNITURE.test(line) ? 'paper card' : isPrintedPageLine(line) ? 'printed page' : undefined);
}

/**
 * Removes boilerplate glued to the front of a line (`SubscribeExploration of …`). A phrase only
 * counts as glued when what follows starts at once and does not continue a lowercase word, so
 * titles such as `Subscribers of …` and `Daily Papers Are Not Enough` survive.
 */
export function stripGluedHeader(text: string): string {
  let rest = text;
  for (let changed = true; changed; ) {
    changed = false;
    for (const phrase of GLUABLE) {
      // Glued means no space between: `Daily Papers Are Not Enough` is a title that starts with the site's name.
      if (rest.startsWith(phrase) && /^[^\s\p{Ll}]/u.test(rest.slice(phrase.length))) {
        rest = rest.slice(phrase.length).trim();
        changed = true;
      }
    }
  }
  return rest;
}
