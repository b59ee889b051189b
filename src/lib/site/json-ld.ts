/**
 * JSON-LD in a `<script type="application/ld+json">` element. JSON.stringify alone is not safe
 * there: an abstract containing `</script>` would end the element, and `<!--` changes how the
 * HTML parser reads the rest, so every `<`, `>` and `&` is written as a JSON unicode escape.
 */
export function jsonLdScriptContent(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
