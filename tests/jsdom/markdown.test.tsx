import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Markdown } from '../../src/renderer/src/markdown/Markdown';
import { parseMarkdown, safeLink } from '../../src/renderer/src/markdown/parse-markdown';

const show = (source: string) => render(<Markdown source={source} testId="md" />, { wrapper: MantineProvider }).getByTestId('md');

describe('the knowledge-base Markdown', () => {
  it('renders headings, lists, paragraphs, bold and links as elements', () => {
    const md = show(
      [
        '# 供暖标准',
        '',
        '室温应**不低于18℃**。',
        '第二行',
        '',
        '- 先拨打供热单位电话',
        '- 再找物业',
        '',
        '1. 一',
        '2. 二',
        '',
        '详见[市住建委](https://zjw.beijing.gov.cn/)',
      ].join('\n'),
    );
    expect(md.querySelector('h3')?.textContent).toBe('供暖标准');
    expect(md.querySelector('strong')?.textContent).toBe('不低于18℃');
    expect(md.querySelector('p')?.querySelector('br')).not.toBeNull();
    expect([...md.querySelectorAll('ul li')].map((li) => li.textContent)).toEqual(['先拨打供热单位电话', '再找物业']);
    expect([...md.querySelectorAll('ol li')].map((li) => li.textContent)).toEqual(['一', '二']);
    const link = md.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://zjw.beijing.gov.cn/');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('shows raw HTML as text and never makes a script, an element from markup or a javascript: link', () => {
    const md = show(
      [
        '<script>window.pwned = 1</script>',
        '<img src=x onerror="window.pwned = 2">',
        '[点我](javascript:alert(1)) [也点我](JaVaScRiPt:alert(2)) [数据](data:text/html,<b>x</b>) [藏起来](java\tscript:alert(3))',
        '**<b>粗</b>**',
      ].join('\n'),
    );
    expect(md.querySelector('script')).toBeNull();
    expect(md.querySelector('img')).toBeNull();
    expect(md.querySelector('b')).toBeNull();
    expect(md.querySelector('a')).toBeNull();
    expect(md.textContent).toContain('<script>window.pwned = 1</script>');
    expect(md.textContent).toContain('点我');
    expect(md.querySelector('strong')?.textContent).toBe('<b>粗</b>');
    expect((window as { pwned?: number }).pwned).toBeUndefined();
  });

  it('lets only web, mail and phone links through', () => {
    expect(safeLink('https://example.org/a')).toBe('https://example.org/a');
    expect(safeLink('mailto:kb@example.org')).toBe('mailto:kb@example.org');
    expect(safeLink('tel:12345')).toBe('tel:12345');
    for (const bad of [
      'javascript:alert(1)',
      ' javascript:x',
      'vbscript:x',
      'data:text/html,x',
      '//evil.example',
      '/relative',
      'java\nscript:x',
    ])
      expect(safeLink(bad), bad).toBeNull();
  });

  it('keeps a list item going on its indented next line and starts a new list when the kind changes', () => {
    expect(parseMarkdown('- a\n  still a\n1. b')).toEqual([
      {
        type: 'list',
        ordered: false,
        items: [
          [
            { type: 'text', text: 'a' },
            { type: 'text', text: ' still a' },
          ],
        ],
      },
      { type: 'list', ordered: true, items: [[{ type: 'text', text: 'b' }]] },
    ]);
  });
});
