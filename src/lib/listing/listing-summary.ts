import { z } from 'astro/zod';

/** What ingest records about each listing dump (`_listings.json`), and the site's `listings` collection. */
export const listingSchema = z.object({
  id: z.string(),
  file: z.string(),
  title: z.string(),
  format: z.enum(['page', 'bare', 'daily-papers-json']),
  entries: z.number().int().nonnegative(),
  captured: z.iso.date().optional(),
  capturedInferred: z.boolean(),
});

export type ListingSummary = z.infer<typeof listingSchema>;
