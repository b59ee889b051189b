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
  /** Author names a paper page shows before folding the rest behind "and N more". */
  authorsShown: 8,
} as const;
