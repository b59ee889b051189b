import { buildFixtureSite } from './fixture-site.ts';

/** One fixture build for all end-to-end suites. */
export default function setup(): void {
  buildFixtureSite();
}
