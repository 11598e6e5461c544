import type { JSX } from 'react';
import { isMasked, isPhoneNumber, residentIdProblem } from '@community-grid/shared';
import {
  Create,
  DateField,
  DateFieldProps,
  downloadCSV,
  Edit,
  Exporter,
  maxLength,
  RaRecord,
  regex,
  required,
  TextInput,
  useLocaleState,
  useRecordContext,
} from 'react-admin';
import jsonExport from 'jsonexport/dist';
import { i18nProvider } from './i18n';

/** Choices for an enum, labelled through i18n (cg.enums.<Enum>.<VALUE>). */
export const enumChoices = (values: Record<string, string>, enumName: string) =>
  Object.values(values).map((value) => ({ id: value, name: `cg.enums.${enumName}.${value}` }));

/** A date shown in the format of the language the user chose. */
export const LocalDateField = (props: DateFieldProps) => {
  const [locale] = useLocaleState();
  return <DateField {...props} locales={locale} />;
};

// Client-side rules that mirror the server's, so most mistakes are caught before saving.
export const requiredText = (max: number) => [required(), maxLength(max), regex(/\S/, 'ra.validation.required')];
// Masked values (1234****5678) are what the server sent back unchanged; they are not sent again.
export const phone = (value: unknown) => (value && !isMasked(value) && !isPhoneNumber(String(value)) ? 'cg.validation.phone' : undefined);
export const residentId = (value: unknown) =>
  value && !isMasked(value) && residentIdProblem(String(value)) ? 'cg.validation.resident_id' : undefined;
export const geoJson = (value: unknown) => {
  if (!value || typeof value === 'object') return undefined;
  try {
    JSON.parse(String(value));
    return undefined;
  } catch {
    return 'cg.validation.json';
  }
};

/** A multi-line JSON editor for an object field (grid boundaries). */
export const JsonInput = ({ source }: { source: string }) => (
  <TextInput
    source={source}
    multiline
    minRows={3}
    fullWidth
    validate={geoJson}
    format={(value) => (value && typeof value === 'object' ? JSON.stringify(value) : (value ?? ''))}
    parse={(text: string) => {
      if (!text.trim()) return null;
      try {
        return JSON.parse(text);
      } catch {
        return text;
      }
    }}
  />
);

/**
 * CSV of the filtered list through react-admin's exporter (jsonexport, downloadCSV), with column
 * names in the user's language; a column is a field, or a name and how to read it (enums translated).
 */
export const exporterFor =
  <R extends RaRecord = RaRecord>(resource: string, columns: Array<string | [string, (record: R) => unknown]>): Exporter<R> =>
  (records) => {
    const t = (key: string) => i18nProvider.translate(key);
    const keys = columns.map((column) => (typeof column === 'string' ? column : column[0]));
    const cell = (value: unknown) =>
      Array.isArray(value) ? value.join('; ') : value !== null && typeof value === 'object' ? JSON.stringify(value) : (value ?? '');
    const rows = records.map((record) =>
      Object.fromEntries(columns.map((column, i) => [keys[i], cell(typeof column === 'string' ? record[column] : column[1](record))])),
    );
    jsonExport(rows, { headers: keys, rename: keys.map((key) => t(`resources.${resource}.fields.${key}`)) }, (error, csv) => {
      if (error) throw error;
      downloadCSV(csv, t(`resources.${resource}.name`).split('|')[0].trim());
    });
  };

export const translateEnum = (enumName: string) => (value: string) => i18nProvider.translate(`cg.enums.${enumName}.${value}`);

/**
 * Edit and create share one form per resource. Edits are pessimistic so the
 * server's per-field errors land on the fields and a stale version is reported.
 */
export const editView =
  (Form: () => JSX.Element, options: { title?: JSX.Element } = {}) =>
  () => (
    <Edit mutationMode="pessimistic" title={options.title}>
      <Form />
    </Edit>
  );
export const createView =
  (Form: () => JSX.Element, redirect: 'show' | 'edit' | 'list' = 'show') =>
  () => (
    <Create redirect={redirect}>
      <Form />
    </Create>
  );

/** A record's name in the language chosen: `name` is Chinese, `nameEn` English. */
export const useLocalizedName = () => {
  const [locale] = useLocaleState();
  return (record?: { name?: string | null; nameEn?: string | null } | RaRecord | null): string =>
    record ? ((locale.startsWith('zh') ? record.name : record.nameEn || record.name) ?? '') : '';
};

/** The name of the record in context, in the language chosen (a recordRepresentation or a field). */
export const LocalizedNameField = (_props: { label?: string; source?: string; sortable?: boolean }) => {
  const record = useRecordContext();
  const nameOf = useLocalizedName();
  return <span>{nameOf(record)}</span>;
};
