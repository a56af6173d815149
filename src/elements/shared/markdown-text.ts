/** The first line of a Markdown description, as plain text (links keep their text): for one-line summaries inside buttons and options, where links cannot be. */
export function markdownFirstLine(markdown: string): string {
  const first = markdown.split(/\n\s*\n|\n/)[0] ?? '';
  return first
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>]+/g, '')
    .trim();
}
