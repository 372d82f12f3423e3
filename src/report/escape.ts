/**
 * Escaping for user-controlled strings (names, descriptions, tag values, API messages) that
 * land in a PR comment: they must not break a table, open HTML, mention people or end a fence.
 */

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** Text for a table cell or a sentence: no HTML, no markdown syntax, no line breaks. */
export function escapeMarkdown(s: string): string {
  return s
    .replace(CONTROL, '')
    .replace(/\r?\n|\r|\t/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~#!]/g, (c) => `\\${c}`)
    .replace(/@/g, '@\u200b');
}

/** Text inside a code fence: only control characters go; the fence is chosen to fit. */
export function escapeCode(s: string): string {
  return s.replace(CONTROL, '');
}

/** A backtick fence longer than any run of backticks in the content, so the content cannot close it. */
export function fenceFor(content: string): string {
  let longest = 0;
  for (const run of content.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return '`'.repeat(Math.max(3, longest + 1));
}

/** JSON for an HTML comment: `<`, `>` and `&` as \u escapes so the comment cannot be closed early. */
export function commentJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}
