/**
 * Words of the screening layer in the chosen language: field names, the sentence for each cell
 * problem, the result columns and the engine's words as an export writes them. The text itself
 * lives in i18n (src/i18n/locales/<lang>/fields.ts); this reads it without i18next, so the
 * command-line screener and the roster's Web Worker use the same sentences.
 */
import en from '../i18n/locales/en/fields';
import zh from '../i18n/locales/zh-CN/fields';
import type { ColumnName } from '../facts/fields';
import { cellWords, type FieldIssue, type Lang } from '../facts/parse';

export type { Lang };

const TEXT = { 'zh-CN': zh, en } as const;
export const fieldsText = (lang: Lang) => TEXT[lang];

const COLUMN_SET: ReadonlySet<string> = new Set(Object.keys(zh.label));

/** The name of a field (or roster input) in the language; any other text is returned as it is. */
export const fieldName = (field: string, lang: Lang): string => (COLUMN_SET.has(field) ? TEXT[lang].label[field as ColumnName] : field);

/** Fills {{name}} placeholders. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');
}

const show = (v: unknown, lang: Lang): string => {
  if (typeof v === 'string') return lang === 'zh-CN' ? `“${v}”` : `"${v}"`;
  try {
    const s = JSON.stringify(v);
    return s === undefined ? String(v) : s.length > 200 ? `${s.slice(0, 200)}…` : s;
  } catch {
    return String(v);
  }
};

/** One sentence naming the field, the value and what is accepted, in the language. */
export function formatIssue(i: FieldIssue, lang: Lang): string {
  const t = TEXT[lang];
  let allowed = i.allowed ?? [];
  if (i.code === 'notAllowed' && i.cell && COLUMN_SET.has(i.field)) {
    // the words a person types, in the language of the message (Chinese words in Chinese)
    allowed = cellWords(i.field as ColumnName, lang);
    if (lang === 'en') allowed = [`${allowed.join(', ')} (in Chinese: ${cellWords(i.field as ColumnName, 'zh-CN').join('、')})`];
  }
  if (i.code === 'unknownField') allowed = allowed.map((f) => fieldName(f, lang));
  return fill(i.code === 'notAllowed' && i.cell ? t.issue.notAllowedCell : t.issue[i.code], {
    name: fieldName(i.field, lang),
    field: i.field,
    value: i.code === 'unknownField' ? show(i.field, lang) : show(i.value, lang),
    allowed: allowed.join(t.allowedSep),
  });
}

/** All problems of a row as one line of text, in the language. */
export function errorText(errors: readonly FieldIssue[], lang: Lang): string {
  return errors.map((e) => formatIssue(e, lang)).join(TEXT[lang].issueSep);
}
