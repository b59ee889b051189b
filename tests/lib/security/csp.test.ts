import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, cspHash } from '../../../src/lib/security/csp.ts';
import { THEME_SCRIPT } from '../../../src/lib/site/theme-script.ts';

describe('contentSecurityPolicy', () => {
  it('is the policy of issue 33, with the hash of each inline script and style', () => {
    const policy = contentSecurityPolicy({ scripts: [THEME_SCRIPT], styles: ['a{}'] });
    const directives = new Map(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect([...directives.keys()]).toEqual(['default-src', 'img-src', 'script-src', 'style-src', 'object-src', 'base-uri', 'form-action']);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:']);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'", cspHash(THEME_SCRIPT), "'wasm-unsafe-eval'"]);
    expect(directives.get('style-src')).toEqual(["'self'", cspHash('a{}')]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'self'"]);
    expect(directives.get('form-action')).toEqual(["'self'"]);
    expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*/);
  });

  it('hashes the exact UTF-8 text as browsers do (SHA-256, base64)', () => {
    expect(cspHash('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
    expect(cspHash('é')).toBe(
      `'sha256-${createHash('sha256')
        .update(Buffer.from([0xc3, 0xa9]))
        .digest('base64')}'`,
    );
    expect(cspHash(THEME_SCRIPT)).not.toBe(cspHash(`${THEME_SCRIPT} `));
  });
});
