/**
 * The real taxonomy (content/topics.yaml) against real titles and abstracts from the default
 * listings: what each topic must catch, what it must not (the word-boundary traps the listings
 * actually contain), and how much of the catalog it covers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { ingestListings } from '../../../src/lib/merge/ingest.ts';
import { SCORING, createTagger, parseTaxonomy } from '../../../src/lib/topics/topics.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const topics = parseTaxonomy(readFileSync(join(ROOT, 'content/topics.yaml'), 'utf8'));
const tagger = createTagger(topics);
const byTitle = (title: string) => tagger.tag({ title, abstract: '' });

/** [topic, real title that must get it, real title that must not]. */
const cases: [string, string, string][] = [
  ['parameter-efficient-fine-tuning', 'ALLoRA: Adaptive Learning Rate Mitigates LoRA Fatal Flaws', 'BUSTLE: Bottom-Up Program Synthesis Through Learning-Guided Exploration'],
  [
    'mixture-of-experts',
    'Dynamic-DINO: Fine-Grained Mixture of Experts Tuning for Real-time Open-Vocabulary Object Detection',
    'Expert Merging: Model Merging with Unsupervised Expert Alignment and Importance-Guided Layer Chunking',
  ],
  ['large-language-models', 'LiteSearch: Efficacious Tree Search for LLM', 'Adaptive Regularization of Representation Rank as an Implicit Constraint of Bellman Equation'],
  ['in-context-learning', 'Transformers learn in-context by gradient descent', 'Vote-in-Context: Turning VLMs into Zero-Shot Rank Fusers'],
  [
    'continual-learning',
    'ZeroFlow: Overcoming Catastrophic Forgetting is Easier than You Think',
    'Dual Process Learning: Controlling Use of In-Context vs. In-Weights Strategies with Weight Forgetting',
  ],
  ['quantization', 'FP8 versus INT8 for efficient deep learning inference', 'Learning to Program Variational Quantum Circuits with Fast Weights'],
  ['spiking-neural-networks', 'SpikeGPT: Generative Pre-trained Language Model with Spiking Neural Networks', 'Scalable Neural Network Kernels'],
  ['backpropagation', 'The Forward-Forward Algorithm: Some Preliminary Investigations', 'Backpropagation Path Search On Adversarial Transferability'],
  ['graph-neural-networks', 'Evaluating Deep Graph Neural Networks', 'A Chain Graph Interpretation of Real-World Neural Networks'],
  ['medical-imaging', 'Breast Tumor Classification Using EfficientNet Deep Learning Model', 'Representation Surgery: Theory and Practice of Affine Steering'],
  ['neuroscience', 'BrainOmni: A Brain Foundation Model for Unified EEG and MEG Signals', 'Multimodal Masked Autoencoder Pre-training for 3D MRI-Based Brain Tumor Analysis with Missing Modalities'],
  ['science', 'Message Passing Neural PDE Solvers', 'Neural Redshift: Random Networks are not Random Functions'],
  ['transfer-learning', 'Rethinking Supervised Pre-training for Better Downstream Transferring', 'FuseGPT: Learnable Layers Fusion of Generative Pre-trained Transformers'],
  ['self-supervised-learning', 'Contrastive Representation Learning: A Framework and Review', 'Hallucination reduction with CASAL: Contrastive Activation Steering For Amortized Learning'],
  ['adversarial-robustness', 'Doubly Robust Instance-Reweighted Adversarial Training', 'Generative Adversarial Networks'],
  ['bayesian-deep-learning', 'Calibrated Language Models Must Hallucinate', 'CalibFormer: A Transformer-based Automatic LiDAR-Camera Calibration Network'],
  ['diffusion-models', 'Diffusion Models Beat GANs on Image Synthesis', 'Guided Flows for Generative Modeling and Decision Making'],
];

describe('the taxonomy', () => {
  test('has 25 to 40 topics, each a real, described slug', () => {
    expect(topics.length).toBeGreaterThanOrEqual(25);
    expect(topics.length).toBeLessThanOrEqual(40);
    for (const t of topics) expect(t.description).toMatch(/^[A-Z].*\.$/);
  });

  test.each(cases)('%s: tags its own title and not the trap', (id, positive, negative) => {
    expect(topics.some((t) => t.id === id)).toBe(true);
    expect(byTitle(positive)).toContain(id);
    expect(byTitle(negative)).not.toContain(id);
  });

  test('the same real title can carry several topics, best first', () => {
    expect(byTitle('Diffusion Models Beat GANs on Image Synthesis')).toEqual(['generative-models', 'diffusion-models']);
    expect(byTitle('Differentially Private Low-Rank Adaptation of Large Language Model Using Federated Learning')).toEqual([
      'federated-learning',
      'large-language-models',
      'parameter-efficient-fine-tuning',
    ]);
  });

  test('abstracts count for less than titles: a paper about one subject that mentions another in passing', () => {
    const paper = {
      title: 'A Brief Review of Hypernetworks in Deep Learning',
      abstract:
        'Hypernetworks, or hypernets in short, are neural networks that generate weights for another neural network, known as the target network. Hypernets have shown promising results in a variety of deep learning problems, including continual learning, causal inference, transfer learning, weight pruning, uncertainty quantification, zero-shot learning, natural language processing, and reinforcement learning etc.',
    };
    expect(tagger.tag(paper)).toEqual(['weight-space-learning']);
    expect(tagger.score(paper).find((s) => s.id === 'reinforcement-learning')?.abstractMatches).toBe(1);
  });
});

describe('the default catalog', () => {
  const dir = join(ROOT, 'content/listings');
  const inputs = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ file: `content/listings/${f}`, name: f.slice(0, -4), text: readFileSync(join(dir, f), 'utf8') }));
  const papers = ingestListings(inputs).papers.map((paper) => ({ ...paper, topics: tagger.tag(paper) }));

  test('at least 97% of papers get a topic, none more than four', () => {
    const tagged = papers.filter((p) => p.topics.length > 0);
    expect(papers.length).toBeGreaterThan(500);
    expect(tagged.length / papers.length).toBeGreaterThanOrEqual(0.97);
    for (const p of papers) expect(p.topics.length).toBeLessThanOrEqual(SCORING.maxTopics);
  });

  test('pure-ASCII titles and abstracts score exactly as they would through the Unicode patterns', () => {
    // A trailing no-break space is neither a letter nor a digit, so it adds no match, but it sends the text down the Unicode path.
    const viaUnicode = (text: string) => `${text} \u00a0`;
    const ascii = papers.filter((p) => /^[\x00-\x7f]*$/.test(p.title + p.abstract));
    expect(ascii.length).toBeGreaterThan(400);
    for (const { title, abstract } of ascii) {
      expect(tagger.score({ title: viaUnicode(title), abstract: viaUnicode(abstract) }), title).toEqual(tagger.score({ title, abstract }));
    }
    // Scoring ~500 papers twice takes 3 s alone and more beside CI's browser suites.
  }, 60_000);

  test('every topic is about something the catalog actually has', () => {
    const counts = new Map(topics.map((t) => [t.id, papers.filter((p) => p.topics.includes(t.id)).length]));
    for (const [id, count] of counts) expect(count, id).toBeGreaterThanOrEqual(5);
  });
});
