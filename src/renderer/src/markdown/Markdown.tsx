import { Anchor, Box, Code, List, type MantineSize, Text, Title } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { type Block, type Inline, parseMarkdown } from './parse-markdown';

function inline(nodes: Inline[]): ReactNode[] {
  return nodes.map((node, i) => {
    switch (node.type) {
      case 'text':
        return <Fragment key={i}>{node.text}</Fragment>;
      case 'strong':
        return <strong key={i}>{inline(node.children)}</strong>;
      case 'em':
        return <em key={i}>{inline(node.children)}</em>;
      case 'code':
        return <Code key={i}>{node.text}</Code>;
      case 'link':
        return (
          <Anchor key={i} href={node.href} target="_blank" rel="noopener noreferrer">
            {inline(node.children)}
          </Anchor>
        );
    }
  });
}

function block(node: Block, index: number, size: MantineSize): ReactNode {
  switch (node.type) {
    case 'heading':
      // Headings inside an article sit below the pane's own titles.
      return (
        <Title key={index} order={Math.min(6, node.level + 2) as 3 | 4 | 5 | 6} mt="xs" mb={4}>
          {inline(node.children)}
        </Title>
      );
    case 'paragraph':
      return (
        <Text key={index} size={size} mb={4}>
          {node.lines.map((line, i) => (
            <Fragment key={i}>
              {i > 0 && <br />}
              {inline(line)}
            </Fragment>
          ))}
        </Text>
      );
    case 'list':
      return (
        <List key={index} type={node.ordered ? 'ordered' : 'unordered'} size={size} mb={4}>
          {node.items.map((item, i) => (
            <List.Item key={i}>{inline(item)}</List.Item>
          ))}
        </List>
      );
  }
}

/**
 * A knowledge-base article's Markdown as React elements: the same rendering where agents read it and
 * where the administrator previews it. No HTML is ever passed through.
 */
export function Markdown({ source, size = 'sm', testId }: { source: string; size?: MantineSize; testId?: string }) {
  return <Box data-testid={testId}>{parseMarkdown(source).map((node, i) => block(node, i, size))}</Box>;
}
