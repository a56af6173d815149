import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { type Block, type Inline, isSafeHref, parseInline, parseMarkdown } from '../../src/elements/form/controls/markdown-parse.js';

const md = parseMarkdown;
/** The inline content of a one-paragraph source. */
const inline = (source: string): Inline[] => {
  const blocks = md(source);
  assert.equal(blocks.length, 1, `one block for ${JSON.stringify(source)}`);
  assert.equal(blocks[0]!.type, 'paragraph');
  return (blocks[0] as { children: Inline[] }).children;
};
const p = (...children: Inline[]): Block => ({ type: 'paragraph', children });
const link = (href: string, children: Inline[], title?: string): Inline => ({ type: 'link', href, title, children });

/** Every inline node of a tree, depth first. */
function* walk(nodes: readonly (Block | Inline)[]): Generator<Block | Inline> {
  for (const node of nodes) {
    yield node;
    if (typeof node === 'string') continue;
    if ('children' in node) yield* walk(node.children);
    if (node.type === 'list') for (const item of node.items) yield* walk(item);
    if (node.type === 'table') for (const row of [node.head, ...node.rows]) for (const cell of row) yield* walk(cell);
  }
}
const hrefs = (tree: readonly Block[]) => [...walk(tree)].flatMap((node) => (typeof node !== 'string' && node.type === 'link' ? [node.href] : []));
/** The text a tree shows, as one string. */
const shown = (tree: readonly (Block | Inline)[]): string =>
  [...walk(tree)].map((node) => (typeof node === 'string' ? node : node.type === 'code' ? node.text : '')).join('');
const depth = (nodes: readonly (Block | Inline)[]): number =>
  Math.max(0, ...nodes.map((node) => (typeof node === 'string' ? 0 : 1 + depth('children' in node ? node.children : node.type === 'list' ? node.items.flat() : []))));

describe('markdown parser: blocks', () => {
  it('splits paragraphs at blank lines and keeps soft line breaks as newlines', () => {
    assert.deepEqual(md('one\ntwo\n\n\nthree'), [p('one\ntwo'), p('three')]);
    assert.deepEqual(md(''), []);
    assert.deepEqual(md('  \n\t\n'), []);
    assert.deepEqual(md('a\r\nb\rc'), [p('a\nb\nc')]);
  });

  it('makes hard line breaks from two trailing spaces or a backslash', () => {
    assert.deepEqual(inline('a  \nb'), ['a', { type: 'br' }, 'b']);
    assert.deepEqual(inline('a\\\nb'), ['a', { type: 'br' }, 'b']);
    assert.deepEqual(inline('a \nb'), ['a\nb']);
    assert.deepEqual(inline('end  '), ['end']);
  });

  it('parses ATX and setext headings', () => {
    assert.deepEqual(md('# One'), [{ type: 'heading', level: 1, children: ['One'] }]);
    assert.deepEqual(md('###### Six ###'), [{ type: 'heading', level: 6, children: ['Six'] }]);
    assert.deepEqual(md('## a #b'), [{ type: 'heading', level: 2, children: ['a #b'] }]);
    assert.deepEqual(md('# h\\#'), [{ type: 'heading', level: 1, children: ['h#'] }]);
    assert.deepEqual(md('#'), [{ type: 'heading', level: 1, children: [] }]);
    assert.deepEqual(md('####### seven'), [p('####### seven')]);
    assert.deepEqual(md('#nospace'), [p('#nospace')]);
    assert.deepEqual(md('Title\n====='), [{ type: 'heading', level: 1, children: ['Title'] }]);
    assert.deepEqual(md('Sub\n---'), [{ type: 'heading', level: 2, children: ['Sub'] }]);
  });

  it('parses fenced code with backticks or tildes, verbatim, to the closing fence or the end', () => {
    assert.deepEqual(md('```js\nif (a < b) **x**\n  <b>&amp;\n```\nafter'), [{ type: 'code', text: 'if (a < b) **x**\n  <b>&amp;' }, p('after')]);
    assert.deepEqual(md('~~~\n```\n~~~'), [{ type: 'code', text: '```' }]);
    assert.deepEqual(md('````\n```\n````'), [{ type: 'code', text: '```' }]);
    assert.deepEqual(md('  ```\n  a\n    b\n  ```'), [{ type: 'code', text: 'a\n  b' }]);
    assert.deepEqual(md('```\nunterminated\n\nstill code'), [{ type: 'code', text: 'unterminated\n\nstill code' }]);
    assert.equal(md('``` a`b\nx')[0]!.type, 'paragraph');
  });

  it('parses indented code, not inside a paragraph', () => {
    assert.deepEqual(md('    code\n      more\n\n    last\n\nafter'), [{ type: 'code', text: 'code\n  more\n\nlast' }, p('after')]);
    assert.deepEqual(md('\tcode'), [{ type: 'code', text: 'code' }]);
    assert.deepEqual(md('para\n    not code'), [p('para\nnot code')]);
  });

  it('parses bullet lists, tight and loose, and ends them at another bullet character', () => {
    assert.deepEqual(md('- a\n- b'), [{ type: 'list', ordered: false, start: 1, loose: false, items: [[p('a')], [p('b')]] }]);
    assert.deepEqual(md('* a\n\n* b'), [{ type: 'list', ordered: false, start: 1, loose: true, items: [[p('a')], [p('b')]] }]);
    assert.deepEqual(md('- a\n\n  more'), [{ type: 'list', ordered: false, start: 1, loose: true, items: [[p('a'), p('more')]] }]);
    assert.equal(md('- a\n* b').length, 2);
    assert.deepEqual(md('+ a\nlazy'), [{ type: 'list', ordered: false, start: 1, loose: false, items: [[p('a\nlazy')]] }]);
  });

  it('parses ordered lists with their start number and delimiter', () => {
    const [first, second] = md('1. one\n2. two\n\n3) three');
    assert.deepEqual(first, { type: 'list', ordered: true, start: 1, loose: false, items: [[p('one')], [p('two')]] });
    assert.deepEqual(second, { type: 'list', ordered: true, start: 3, loose: false, items: [[p('three')]] });
    assert.deepEqual(md('0. zero'), [{ type: 'list', ordered: true, start: 0, loose: false, items: [[p('zero')]] }]);
    assert.deepEqual(md('1234567890. too long'), [p('1234567890. too long')]);
  });

  it('nests lists by indentation, and lets only bullets and "1." interrupt a paragraph', () => {
    assert.deepEqual(md('1. one\n2. two\n   - nested\n     - deeper\n3. three'), [
      {
        type: 'list', ordered: true, start: 1, loose: false,
        items: [
          [p('one')],
          [p('two'), { type: 'list', ordered: false, start: 1, loose: false, items: [[p('nested'), { type: 'list', ordered: false, start: 1, loose: false, items: [[p('deeper')]] }]] }],
          [p('three')],
        ],
      },
    ]);
    assert.deepEqual(md('para\n- item').map((b) => b.type), ['paragraph', 'list']);
    assert.deepEqual(md('para\n1. item').map((b) => b.type), ['paragraph', 'list']);
    assert.deepEqual(md('para\n2. item'), [p('para\n2. item')]);
  });

  it('parses block quotes, with lazy continuation lines and nested blocks', () => {
    assert.deepEqual(md('> a\n> b\nlazy\n\nafter'), [{ type: 'quote', children: [p('a\nb\nlazy')] }, p('after')]);
    assert.deepEqual(md('> # h\n> - li\n>\n> > inner'), [
      { type: 'quote', children: [{ type: 'heading', level: 1, children: ['h'] }, { type: 'list', ordered: false, start: 1, loose: false, items: [[p('li')]] }, { type: 'quote', children: [p('inner')] }] },
    ]);
    assert.deepEqual(md('> # h\nnot lazy'), [{ type: 'quote', children: [{ type: 'heading', level: 1, children: ['h'] }] }, p('not lazy')]);
  });

  it('parses horizontal rules, which a list or paragraph does not swallow', () => {
    for (const rule of ['---', '***', '___', '- - -', ' * * * ', '_____']) assert.deepEqual(md(rule), [{ type: 'hr' }], rule);
    assert.deepEqual(md('a\n***'), [p('a'), { type: 'hr' }]);
    assert.deepEqual(md('a\n\n---\n\nb'), [p('a'), { type: 'hr' }, p('b')]);
    assert.deepEqual(md('--'), [p('--')]);
  });

  it('parses tables with a delimiter row, padding and cutting rows to the header', () => {
    assert.deepEqual(md('| a | **b** |\n| :- | -: |\n| 1 | `x\\|y` |\n| only |\n| 1 | 2 | 3 |\n\nafter'), [
      {
        type: 'table',
        head: [['a'], [{ type: 'strong', children: ['b'] }]],
        rows: [[['1'], [{ type: 'code', text: 'x|y' }]], [['only'], []], [['1'], ['2']]],
      },
      p('after'),
    ]);
    assert.deepEqual(md('Intro:\na | b\n--|--').map((b) => b.type), ['paragraph', 'table']);
    assert.deepEqual(md('| a | b |\n|---|\n| 1 | 2 |').map((b) => b.type), ['paragraph']);
  });

  it('shows raw HTML blocks as their source text, unparsed', () => {
    assert.deepEqual(md('<div style="x">\n*not em*\n</div>\n\n*em*'), [p('<div style="x">\n*not em*\n</div>'), p({ type: 'em', children: ['em'] })]);
    assert.deepEqual(md('<!-- c -->\n*x*'), [p('<!-- c -->'), p({ type: 'em', children: ['x'] })]);
    assert.deepEqual(md('<script>\nalert(1)\n</script>'), [p('<script>\nalert(1)\n</script>')]);
    assert.deepEqual(md('<span>x</span> *y*'), [p('<span>x</span> ', { type: 'em', children: ['y'] })]);
  });
});

describe('markdown parser: inline', () => {
  it('parses emphasis, strong and strikethrough with CommonMark flanking rules', () => {
    assert.deepEqual(inline('*a* _b_ **c** __d__ ~~e~~ ~f~'), [
      { type: 'em', children: ['a'] }, ' ', { type: 'em', children: ['b'] }, ' ', { type: 'strong', children: ['c'] }, ' ',
      { type: 'strong', children: ['d'] }, ' ', { type: 'del', children: ['e'] }, ' ', { type: 'del', children: ['f'] },
    ]);
    assert.deepEqual(inline('**a *b* c**'), [{ type: 'strong', children: ['a ', { type: 'em', children: ['b'] }, ' c'] }]);
    assert.deepEqual(inline('***both***'), [{ type: 'em', children: [{ type: 'strong', children: ['both'] }] }]);
    assert.deepEqual(inline('a**b**c'), ['a', { type: 'strong', children: ['b'] }, 'c']);
    assert.deepEqual(inline('snake_case_name'), ['snake_case_name']);
    assert.deepEqual(inline('**a**b'), [{ type: 'strong', children: ['a'] }, 'b']);
    assert.deepEqual(inline('__a__b'), ['__a__b']);
    assert.deepEqual(inline('a * b * c'), ['a * b * c']);
    assert.deepEqual(inline('x ~~~a~~~'), ['x ~~~a~~~']);
    assert.deepEqual(inline('*a\nb*'), [{ type: 'em', children: ['a\nb'] }]);
  });

  it('leaves unterminated and unmatched markers as text', () => {
    for (const source of ['**bold', '*a', 'a*', '_a', '~~a', '`code', '``a`', '[text', '[text]', '[text](/x', '![alt', '<x:y', '**', '[', ']', '&amp', '&#;', '\\']) {
      assert.equal(shown(md(source)), source, source);
      assert.deepEqual(hrefs(md(source)), [], source);
    }
    assert.deepEqual(inline('*a **b'), ['*a **b']);
    assert.deepEqual(inline('**a *b**'), ['*', { type: 'em', children: ['a ', { type: 'em', children: ['b'] }] }]);
  });

  it('parses code spans of any backtick count, verbatim', () => {
    assert.deepEqual(inline('`a` ``b ` c`` ` `` `'), [{ type: 'code', text: 'a' }, ' ', { type: 'code', text: 'b ` c' }, ' ', { type: 'code', text: '``' }]);
    assert.deepEqual(inline('`<b>**x**</b> &amp; \\*`'), [{ type: 'code', text: '<b>**x**</b> &amp; \\*' }]);
    assert.deepEqual(inline('`a\nb`'), [{ type: 'code', text: 'a b' }]);
    assert.deepEqual(inline('`  `'), [{ type: 'code', text: '  ' }]);
    assert.deepEqual(inline('*a `*` b*'), [{ type: 'em', children: ['a ', { type: 'code', text: '*' }, ' b'] }]);
  });

  it('parses links with titles, angle destinations, balanced parentheses and escapes', () => {
    assert.deepEqual(inline('[docs](https://pipedream.com/docs "The docs")'), [link('https://pipedream.com/docs', ['docs'], 'The docs')]);
    assert.deepEqual(inline("[a](https://x.com 'single') [b](https://x.com (paren))"), [link('https://x.com', ['a'], 'single'), ' ', link('https://x.com', ['b'], 'paren')]);
    assert.deepEqual(inline('[a](<https://x.com/a b>)'), [link('https://x.com/a b', ['a'])]);
    assert.deepEqual(inline('[a](https://x.com/a(b)c)'), [link('https://x.com/a(b)c', ['a'])]);
    assert.deepEqual(inline('[a](https://x.com/a\\)b)'), [link('https://x.com/a)b', ['a'])]);
    assert.deepEqual(inline('[a](\n  https://x.com\n)'), [link('https://x.com', ['a'])]);
    assert.deepEqual(inline('[**bold** `code`](https://x.com)'), [link('https://x.com', [{ type: 'strong', children: ['bold'] }, ' ', { type: 'code', text: 'code' }])]);
    assert.deepEqual(inline('[mail](mailto:a@example.com)'), [link('mailto:a@example.com', ['mail'])]);
    assert.deepEqual(inline('[a](https://x.com/ space)'), ['[a](', link('https://x.com/', ['https://x.com/']), ' space)']);
    assert.deepEqual(inline('\\[a](https://x.com)'), ['[a](', link('https://x.com', ['https://x.com']), ')']);
    assert.deepEqual(inline('[ref][x]'), ['[ref][x]']);
  });

  it('keeps links out of links, and emphasis inside its own link text', () => {
    assert.deepEqual(inline('[a [b](https://b.com) c](https://a.com)'), ['[a ', link('https://b.com', ['b']), ' c](', link('https://a.com', ['https://a.com']), ')']);
    assert.deepEqual(inline('[https://x.com/a](https://x.com/b)'), [link('https://x.com/b', ['https://x.com/a'])]);
    assert.deepEqual(inline('[<https://a.com>](https://b.com)'), [link('https://b.com', ['https://a.com'])]);
    assert.deepEqual(inline('*[a*](https://x.com)'), ['*', link('https://x.com', ['a*'])]);
    assert.deepEqual(inline('**a [b** c](https://x.com)'), ['**a ', link('https://x.com', ['b** c'])]);
  });

  it('turns images into links by their alt text, or their address', () => {
    assert.deepEqual(inline('![alt *text*](https://example.com/logo.png "T")'), [link('https://example.com/logo.png', ['alt text'], 'T')]);
    assert.deepEqual(inline('![](https://example.com/logo.png)'), [link('https://example.com/logo.png', ['https://example.com/logo.png'])]);
    assert.deepEqual(inline('[![inner](https://example.com/i.png)](https://example.com/outer)'), [link('https://example.com/outer', ['inner'])]);
  });

  it('parses autolinks literally, e-mail autolinks, and bare http(s) URLs without trailing punctuation', () => {
    assert.deepEqual(inline('<https://example.com/a?b&amp;c> <mailto:a@b.co> <a@b.co>'), [
      link('https://example.com/a?b&amp;c', ['https://example.com/a?b&amp;c']), ' ', link('mailto:a@b.co', ['mailto:a@b.co']), ' ', link('mailto:a@b.co', ['a@b.co']),
    ]);
    assert.deepEqual(inline('See https://x.com/a_b. Or (http://x.com/(a)b).'), ['See ', link('https://x.com/a_b', ['https://x.com/a_b']), '. Or (', link('http://x.com/(a)b', ['http://x.com/(a)b']), ').']);
    assert.deepEqual(inline('**https://x.com**'), [{ type: 'strong', children: [link('https://x.com', ['https://x.com'])] }]);
    assert.deepEqual(inline('https://x.com/&amp; https://x.com/a;'), [link('https://x.com/', ['https://x.com/']), '& ', link('https://x.com/a', ['https://x.com/a']), ';']);
    assert.deepEqual(inline('https:// http://'), ['https:// http://']);
    assert.deepEqual(inline('www.x.com a@b.com ftp://x.com'), ['www.x.com a@b.com ftp://x.com']);
    assert.deepEqual(inline('`https://x.com`'), [{ type: 'code', text: 'https://x.com' }]);
  });

  it('resolves backslash escapes and character references, and nothing escaped', () => {
    assert.deepEqual(inline('\\*not em\\* \\_ \\\\ \\a'), ['*not em* _ \\ \\a']);
    assert.deepEqual(inline('&amp; &copy; &#169; &#xA9; &unknown; &#0; &#x110000; &nbsp;'), ['& © © © &unknown; \ufffd \ufffd \u00a0']);
    assert.deepEqual(inline('\\&amp;'), ['&amp;']);
    assert.deepEqual(inline('[a](https://x.com/?a=1&amp;b=2 "&quot;t&quot;")'), [link('https://x.com/?a=1&b=2', ['a'], '"t"')]);
    assert.deepEqual(inline('&#42;not em&#42;'), ['*not em*']);
  });

  it('shows inline HTML as its text, without parsing markdown inside a tag', () => {
    assert.deepEqual(inline('<b>x</b> <a href="a_b_c">y</a>'), ['<b>x</b> <a href="a_b_c">y</a>']);
    assert.deepEqual(inline('x <b>*y*</b>'), ['x <b>', { type: 'em', children: ['y'] }, '</b>']);
    assert.deepEqual(inline('a < b > c'), ['a < b > c']);
  });
});

describe('markdown parser: hostile input', () => {
  it('links only http, https and mailto, whatever the case, references, whitespace or control characters', () => {
    const schemes = [
      'javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'DATA:text/html;base64,PHNjcmlwdD4=',
      '&#106;avascript:alert(1)', '&#x6A;avascript:alert(1)', 'javascript&#58;alert(1)', 'javascript&colon;alert(1)', 'jav&#x09;ascript:alert(1)',
      '<javascript:alert(1)>', '< javascript:alert(1)>', ' javascript:alert(1)', '\tjavascript:alert(1)', '\u0001javascript:alert(1)', '\u0000javascript:alert(1)',
      'java\nscript:alert(1)', 'java\\\nscript:alert(1)', '//evil.example', '/relative', '#x', 'file:///etc/passwd', 'blob:https://x', '\\javascript:alert(1)', 'https\u0000:x',
    ];
    for (const href of schemes) {
      for (const source of [`[x](${href})`, `[x](<${href}>)`, `![x](${href})`, `<${href}>`, `[x](${href} "t")`]) {
        const tree = md(source);
        assert.ok(hrefs(tree).every(isSafeHref), `${JSON.stringify(source)} links ${JSON.stringify(hrefs(tree))}`);
        assert.ok(hrefs(tree).every((h) => /^(?:https?:|mailto:)/i.test(h)));
      }
    }
    assert.deepEqual(inline('[js](javascript:alert(1)) [ent](&#106;avascript:alert(1)) ![](javascript:alert(1))'), ['js ent javascript:alert(1)']);
    assert.deepEqual(inline('[x](HTTPS://X.COM)'), [link('HTTPS://X.COM', ['x'])]);
  });

  it('keeps quotes that would break out of an attribute inside the address or title', () => {
    assert.deepEqual(inline('[a](https://x.com/"onmouseover="alert(1) "t\\" onclick=\\"alert(1)")'), [link('https://x.com/"onmouseover="alert(1)', ['a'], 't" onclick="alert(1)')]);
    assert.deepEqual(inline(`[a](https://x.com "a' b")`), [link('https://x.com', ['a'], "a' b")]);
    assert.deepEqual(inline('<https://x.com/"onmouseover="x>'), [link('https://x.com/"onmouseover="x', ['https://x.com/"onmouseover="x'])]);
    assert.deepEqual(inline('" autofocus onfocus="alert(1)'), ['" autofocus onfocus="alert(1)']);
  });

  it('shows script, event-handler and style markup as text', () => {
    const source = 'Inline <img src=x onerror=alert(1)> <script>alert(1)</script> <style>*{color:red}</style> <iframe src="javascript:alert(1)"></iframe> <svg onload=alert(1)>';
    assert.deepEqual(inline(source), [source]);
    assert.deepEqual(md('<img src=x onerror=alert(1)>'), [p('<img src=x onerror=alert(1)>')]);
    assert.deepEqual(inline('<a href="javascript:alert(1)" onclick="alert(1)">harmless</a>'), ['<a href="javascript:alert(1)" onclick="alert(1)">harmless</a>']);
    assert.deepEqual(inline('&lt;script&gt;alert(1)&lt;/script&gt;'), ['<script>alert(1)</script>']);
  });

  it('produces only the node types the renderer knows', () => {
    const known = new Set(['paragraph', 'heading', 'code', 'quote', 'list', 'table', 'hr', 'strong', 'em', 'del', 'br', 'link']);
    const tree = md('# a\n\n> *b* **c** ~~d~~ `e`  \nf [g](https://x.com) ![h](https://x.com/i.png)\n\n- i\n\n1. j\n\n| k |\n|---|\n| l |\n\n---\n\n    m\n\n<div>n</div>');
    for (const node of walk(tree)) if (typeof node !== 'string') assert.ok(known.has(node.type), node.type);
  });
});

describe('markdown parser: pathological input', () => {
  /** Parses and returns the milliseconds it took. */
  const timed = (source: string) => {
    const start = performance.now();
    parseMarkdown(source);
    return performance.now() - start;
  };
  const N = 200_000;
  const cases: Record<string, string> = {
    'unmatched openers': '*a '.repeat(N / 3),
    'unmatched closers': 'a* '.repeat(N / 3),
    'alternating * and _': '*_'.repeat(N / 2),
    'a run of stars': '*'.repeat(N),
    'intraword underscores': '_a_b'.repeat(N / 4),
    'strikethrough runs': '~~a'.repeat(N / 3),
    'unclosed [': '['.repeat(N),
    'stray ]': ']'.repeat(N),
    'links without ) ': '[a]('.repeat(N / 4),
    'destinations without )': '[a](x'.repeat(N / 5),
    'unclosed titles': '[a](b "'.repeat(N / 7),
    'unclosed paren titles': '[a](b ('.repeat(N / 7),
    'nested link brackets': '['.repeat(N / 20) + 'a' + '](https://x.com)'.repeat(N / 20),
    'backtick runs of every length': Array.from({ length: 600 }, (_, k) => '`'.repeat(k + 1) + 'x').join(''),
    'unclosed code spans': '`a'.repeat(N / 2),
    'unclosed tags': '<a b'.repeat(N / 4),
    'a tag with many attributes': '<a' + ' b'.repeat(N / 2),
    'unclosed attribute values': '<a b="'.repeat(N / 6),
    'unclosed autolinks': '<a:'.repeat(N / 3),
    'a long e-mail-like autolink': '<a@b.' + 'c.'.repeat(N / 2),
    'ampersands': '&'.repeat(N),
    'reference-like names': '&abc'.repeat(N / 4),
    backslashes: '\\'.repeat(N),
    'a long URL of dots': 'https://x.com/' + '.'.repeat(N),
    'a long URL of )': 'https://x.com/' + ')'.repeat(N),
    'URLs with ;': 'https://x.com/' + 'a;'.repeat(N / 2),
    'many URLs': 'https://a '.repeat(N / 10),
    'deep quotes': '>'.repeat(N),
    'quoted lines': '> a\n'.repeat(N / 4),
    'lazy lines': '> a\n' + 'b\n'.repeat(N / 2),
    'deep lists': Array.from({ length: 300 }, (_, k) => ' '.repeat(k * 2) + '- a').join('\n'),
    'flat list': '- a\n'.repeat(N / 4),
    'loose list': '- a\n\n'.repeat(N / 5),
    'heading of hashes': '# ' + '#'.repeat(N) + 'x',
    'heading of spaces': '# a' + ' '.repeat(N) + 'x',
    'spaces in a line': 'a' + ' '.repeat(N) + 'b',
    'trailing spaces': 'b \n'.repeat(N / 3),
    'hard breaks': 'b  \n'.repeat(N / 4),
    'almost a rule': '- '.repeat(N / 2) + 'x',
    'fence openers': '```\n'.repeat(N / 4),
    'pipes without a delimiter row': '| a | b |\n'.repeat(N / 10),
    'a long table': '| a | b |\n|---|---|\n' + '| 1 | 2 |\n'.repeat(N / 10),
    'HTML block starts': '<div>\n'.repeat(N / 6),
    'setext underlines': 'a\n=\n'.repeat(N / 4),
  };
  for (const [name, source] of Object.entries(cases)) {
    it(`finishes fast: ${name}`, () => {
      // Linear work on 200k characters takes well under a second; a quadratic step takes minutes.
      const ms = timed(source);
      assert.ok(ms < 3000, `${ms.toFixed(0)} ms`);
    });
  }

  it('bounds nesting depth, leaving deeper markers as text', () => {
    const stars = parseMarkdown('*'.repeat(50_000) + 'a' + '*'.repeat(50_000));
    assert.ok(depth(stars) <= 14, `depth ${depth(stars)}`);
    assert.equal(shown(stars).replace(/\*/g, ''), 'a');
    const quotes = parseMarkdown('>'.repeat(1000) + ' deep');
    assert.ok(depth(quotes) <= 14);
    assert.ok(shown(quotes).endsWith('deep'));
    const lists = parseMarkdown(Array.from({ length: 200 }, (_, k) => ' '.repeat(k * 2) + '- item').join('\n'));
    assert.ok(depth(lists) <= 30);
    assert.equal((shown(lists).match(/item/g) ?? []).length, 200);
  });

  it('keeps every character of text it cannot parse', () => {
    const noise = '*_[`<&\\!](~'.repeat(2000);
    assert.ok(shown(parseInline(noise)).length > noise.length / 2);
  });
});
