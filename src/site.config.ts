/** Site-wide settings in one place. SITE and BASE come from the environment (see astro.config.mjs). */
export const SITE = {
  title: 'Papershelf',
  description: 'A searchable, offline-capable catalog of research papers from daily paper listings.',
  lang: 'en',
  /** Papers per page on paginated lists. */
  pageSize: 50,
  /** Papers in the home page's "newest" and "most upvoted" lists. */
  homeListSize: 12,
  relatedCount: 5,
  /**
   * How many of the newest papers get a social card of their own; older papers show their topic's
   * card. PAPERSHELF_PAPER_CARDS overrides it (a number, or `all`). See src/lib/cards/card-policy.ts.
   */
  paperCards: 1000,
  /** Author names a paper page shows before folding the rest behind "and N more". */
  authorsShown: 8,
} as const;
