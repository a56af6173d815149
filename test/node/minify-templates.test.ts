import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

interface CssMinify {
  minifyCssText(text: string, edges?: { open?: boolean; close?: boolean }): string;
  minifyModuleCss(source: string, fileName: string, options?: { generatedModule?: boolean; minifyMarkup?: boolean }): string | undefined;
}
const { minifyCssText, minifyModuleCss } = (await import(new URL('../../scripts/minify-templates.mjs', import.meta.url).href)) as CssMinify;

describe('CSS and markup minification of the CDN build', () => {
  it('drops comments and the whitespace CSS does not need', () => {
    assert.equal(
      minifyCssText(`
        /* a comment */
        :host {
          display: block;
          box-shadow: 0 1px 2px rgb(0 0 0 / 0.06), 0 1px 3px red;
        }
        a > b,
        c ~ d { color: red; }
      `),
      ':host{display:block;box-shadow:0 1px 2px rgb(0 0 0 / 0.06),0 1px 3px red}a>b,c ~ d{color:red}',
    );
  });

  it('keeps the whitespace that changes meaning', () => {
    // A descendant combinator before `:` and after `)`; `and (` is not the function `and(`; calc needs spaces around + and -.
    assert.equal(minifyCssText(':host :is(.a) .b { }'), ':host :is(.a) .b{}');
    assert.equal(minifyCssText('@media (min-width: 1px) and (max-width: 2px) { a { b: c } }'), '@media (min-width:1px) and (max-width:2px){a{b:c}}');
    assert.equal(minifyCssText('a { width: calc(1px + 2px - 3px); }'), 'a{width:calc(1px + 2px - 3px)}');
    // Empty values stay as written.
    assert.equal(minifyCssText('a { --x: ; transform: var(--y, ) }'), 'a{--x: ;transform:var(--y, )}');
  });

  it('leaves strings alone, and the semicolon that ends an at-rule', () => {
    assert.equal(minifyCssText(`a::before { content: "  /* not a comment */  "; font-family: 'Segoe  UI'; }`), `a::before{content:"  /* not a comment */  ";font-family:'Segoe  UI'}`);
    assert.equal(minifyCssText('@layer a { @import "x.css" ; }'), '@layer a{@import "x.css";}');
  });

  it('reads escapes as part of a name', () => {
    // An escaped comma is no delimiter; the one space after a hex escape ends it, a second is a combinator.
    assert.equal(minifyCssText('.grid-cols-\\[1fr\\,auto\\] .a { }'), '.grid-cols-\\[1fr\\,auto\\] .a{}');
    assert.equal(minifyCssText('.\\31 .a, .\\32  .b { }'), '.\\31 .a,.\\32  .b{}');
  });

  it('keeps a space next to an interpolation unless a delimiter makes it redundant', () => {
    assert.equal(minifyCssText('  a  ', { open: true, close: true }), ' a ');
    assert.equal(minifyCssText(' { a: b; } ', { open: true, close: true }), '{a:b}');
    assert.equal(minifyCssText(' ; ', { open: true, close: true }), ';');
  });

  it('rewrites css`` templates, unsafeCSS literals and generated modules, keeping interpolations and line numbers', () => {
    const source = [
      "import { css, unsafeCSS } from 'lit';",
      'const dark = unsafeCSS(`',
      '  color: white;',
      '`);',
      'export const styles = css`',
      '  :host(:state(dark)) {',
      '    ${dark}',
      '  }',
      '  .a  .b { content: "\\\\201C\\`"; }',
      '`;',
      'export const last = 1;',
    ].join('\n');
    const out = minifyModuleCss(source, 'x.ts');
    assert.ok(out);
    assert.equal(out.split('\n').length, source.split('\n').length);
    assert.ok(out.includes('unsafeCSS(`color:white;`'), out);
    // Escapes survive (a CSS escape, a backtick): Lit reads the cooked text.
    assert.ok(out.includes('css`:host(:state(dark)){${dark}}.a .b{content:"\\\\201C\\`"}`'), out);
    assert.equal(out.split('\n').indexOf('export const last = 1;'), source.split('\n').indexOf('export const last = 1;'));
    assert.equal(minifyModuleCss("export default 'x';", 'y.ts'), undefined);
    assert.equal(minifyModuleCss('// Generated\nexport default ":host{\\n  a:b;\\n}";\n', 'y.css.ts', { generatedModule: true }), '// Generated\nexport default ":host{a:b}";\n');
  });

  it('drops the indentation of Lit markup, keeping its line breaks, its interpolations and whitespace that is content', () => {
    const source = [
      'const row = html`<div',
      '    class="a  b">',
      '      ${busy ? html`<span>',
      '        \\u2014 ${label}</span>` : nothing}',
      '    </div>`;',
      'const code = html`<pre>',
      '  kept</pre>`;',
      'export const last = 1;',
      '',
    ].join('\n');
    const out = minifyModuleCss(source, 'x.ts', { minifyMarkup: true }) ?? '';
    assert.equal(
      out,
      ['const row = html`<div', 'class="a  b">', '${busy ? html`<span>', '\\u2014 ${label}</span>` : nothing}', '</div>`;', 'const code = html`<pre>', '  kept</pre>`;', 'export const last = 1;', ''].join('\n'),
    );
    assert.equal(minifyModuleCss(source, 'x.ts'), undefined, 'markup is left alone unless asked');
  });
});
