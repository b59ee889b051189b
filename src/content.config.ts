import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { paperLoader } from './loaders/paper-loader.ts';
import { LISTINGS_JSON, NOTES_DIR, PAPERS_DIR, TOPICS_YAML } from './content-paths.ts';
import { listingSchema } from './lib/listing/listing-summary.ts';
import { paperSchema } from './lib/paper/paper.ts';
import { topicCorrectionSchema, topicSchema } from './lib/topics/topics.ts';

export { listingSchema, paperSchema };

const papers = defineCollection({ loader: paperLoader({ base: `${PAPERS_DIR}/` }), schema: paperSchema });

const listings = defineCollection({ loader: file(LISTINGS_JSON), schema: listingSchema });

/** A note's front matter may correct the topics the tagger gave its paper. */
export const noteSchema = z.object({
  topics: topicCorrectionSchema.optional(),
});

const notes = defineCollection({ loader: glob({ pattern: '*.mdx', base: NOTES_DIR }), schema: noteSchema });

/** The taxonomy (content/topics.yaml): one entry per topic, `id` is the topic's slug. The tagger shares the schema. */
export { topicSchema };

const topics = defineCollection({ loader: file(TOPICS_YAML), schema: topicSchema });

export const collections = { papers, listings, notes, topics };
