import { describe, expect, test } from 'vitest';
import { splitFrontMatter } from '../../../src/lib/paper/front-matter.ts';

describe('splitFrontMatter', () => {
  test('parses the YAML and returns the body after the closing fence', () => {
    expect(splitFrontMatter('---\ntitle: "A: B"\nn: 2\n---\n\nBody {x}\n')).toEqual({ data: { title: 'A: B', n: 2 }, body: '\nBody {x}\n' });
  });

  test('accepts CRLF line ends, as hand-written notes may have', () => {
    expect(splitFrontMatter('---\r\ntopics:\r\n  add: [ml]\r\n---\r\nText')).toEqual({ data: { topics: { add: ['ml'] } }, body: 'Text' });
  });

  test('a file without front matter is all body; empty front matter is no data', () => {
    expect(splitFrontMatter('Just text\n---\n')).toEqual({ data: {}, body: 'Just text\n---\n' });
    expect(splitFrontMatter('---\n\n---\nx')).toEqual({ data: {}, body: 'x' });
  });

  test('malformed YAML throws rather than passing silently', () => {
    expect(() => splitFrontMatter('---\ntitle: [unclosed\n---\n')).toThrow();
  });
});
