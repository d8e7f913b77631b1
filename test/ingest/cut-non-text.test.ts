import { describe, expect, it } from 'vitest';
import { cutNonText } from '../../src/ingest/cut-non-text.js';

describe('cutNonText', () => {
  it('cuts scripts, style sheets, comments, noscript and template, and keeps the text around them', () => {
    const html =
      '<p>a<script src="x.js"></script>b<STYLE>p{}</style >c<!-- note -->d<noscript><img src="p.gif"></noscript>e<template><p>t</p></template>f</p>';
    expect(cutNonText(html)).toBe('<p>abcdef</p>');
  });

  it('keeps JSON-LD scripts whole, whatever they hold', () => {
    const ld = '<script type="application/ld+json">{"articleBody":"<!-- not a comment <svg>"}</script>';
    expect(cutNonText(`${ld}<p>text</p>`)).toBe(`${ld}<p>text</p>`);
  });

  it('reads the page in order: a comment inside a script is script, a script inside a comment is comment', () => {
    expect(cutNonText('<script>var a = "<!--";</script><p>one</p><!-- <script> -->two')).toBe(
      '<p>one</p>two',
    );
  });

  it('leaves an empty <svg> where an inline SVG was, and an <svg/> as written', () => {
    expect(
      cutNonText(
        '<h2>Title<a href="#t"><svg viewBox="0 0 9 9"><path d="M0"/><title>link</title></svg></a></h2>',
      ),
    ).toBe('<h2>Title<a href="#t"><svg></svg></a></h2>');
    expect(cutNonText('<p>a<svg class="i"/>b</p><svg><path/></svg>c')).toBe(
      '<p>a<svg class="i"/>b</p><svg></svg>c',
    );
  });

  it('an empty comment (<!-->) and a comment left open end where the HTML parser ends them', () => {
    expect(cutNonText('<p>a<!-->b<!--->c</p><!-- open to the end <p>d</p>')).toBe('<p>abc</p>');
  });
});
