import type { Root } from 'mdast';
import rehypeExternalLinks from 'rehype-external-links';
import rehypeStringify from 'rehype-stringify';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { MAX_ABSTRACT_LENGTH } from '../security/listing-limits.ts';

/** An abstract ingest keeps escapes into at most twice its length (`[` to `\[`); links to about that. */
export const MAX_BODY_LENGTH = 3 * MAX_ABSTRACT_LENGTH;

const MDX_NODES = new Set(['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement']);

/** Generated bodies hold only text and links; anything MDX would execute means the file was tampered with. */
function refuseMdxNodes() {
  return (tree: Root, file: { path?: string }) => {
    visit(tree, (node) => {
      if (MDX_NODES.has(node.type)) throw new Error(`${file.path ?? 'paper body'}: generated abstracts must not contain MDX code (${node.type})`);
    });
  };
}

const processor = unified()
  .use(remarkParse)
  .use(remarkMdx)
  .use(refuseMdxNodes)
  .use(remarkRehype)
  .use(rehypeExternalLinks, { rel: ['nofollow', 'noopener'] })
  .use(rehypeStringify);

/**
 * Renders a generated abstract body to HTML with MDX's own parser, so the page shows what an MDX
 * compile would, without compiling one JavaScript module per paper (the cost that dominates large
 * catalogs).
 */
export function renderAbstract(mdx: string, path?: string): string {
  // Markdown's link parsing grows with the square of a run of brackets: never hand it more than the
  // longest body ingest writes (MAX_ABSTRACT_LENGTH, each character escaped at most once).
  if (mdx.length > MAX_BODY_LENGTH) throw new Error(`${path ?? 'paper body'}: ${mdx.length} characters, longer than ingest ever writes (${MAX_BODY_LENGTH}): run ingest again`);
  return String(processor.processSync(path ? { value: mdx, path } : mdx));
}
