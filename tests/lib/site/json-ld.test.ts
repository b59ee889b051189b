import { expect, test } from 'vitest';
import { jsonLdScriptContent } from '../../../src/lib/site/json-ld.ts';

test('JSON-LD cannot close its script element and still parses to the same value', () => {
  const value = { name: '</script><script>alert(1)</script> <!-- & \u2028' };
  const content = jsonLdScriptContent(value);
  expect(content).not.toMatch(/[<>&\u2028]/);
  expect(JSON.parse(content)).toEqual(value);
});
