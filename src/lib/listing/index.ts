/**
 * The text listing reader's entry point and the parsed shape every reader returns. The reader itself
 * is the pipeline in src/lib/listing/ (read-text-listing.ts says the steps).
 */
export { detectFormat, readTextListing as parseListing } from './read-text-listing.ts';
export * from './types.ts';
