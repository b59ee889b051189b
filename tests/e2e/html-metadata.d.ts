/** The part of html-metadata (Wikimedia's scraper behind Citoid) the e2e tests use; it ships no types. */
declare module 'html-metadata' {
  const htmlMetadata: {
    loadFromString(html: string): Promise<{ highwirePress?: Record<string, unknown>; jsonLd?: unknown; openGraph?: Record<string, unknown> }>;
  };
  export default htmlMetadata;
}
