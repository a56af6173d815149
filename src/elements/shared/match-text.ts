/**
 * Whether any of `fields` holds `text` (case-insensitive): how loaded options are narrowed at once
 * while the server's answer for the typed text is on its way.
 */
export const matchesText = (text: string, ...fields: string[]): boolean => fields.some((field) => field.toLowerCase().includes(text.trim().toLowerCase()));
