import type { ReactElement } from 'react';
import { Chip, InputAdornment, Stack } from '@mui/material';
import {
  AutocompleteInput,
  BooleanField,
  BooleanInput,
  DateField,
  DateInput,
  DateTimeInput,
  NullableBooleanInput,
  NumberField,
  NumberInput,
  PasswordInput,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectArrayInput,
  SelectField,
  SelectInput,
  TextField,
  TextInput,
  required,
  useFieldValue,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { enums, resourceMeta, type FieldMetadata, type ResourceMetadata } from '../metadata';
import { recordName } from '../provider/record-name';
import { i18nProvider } from '../i18n/i18n-provider';
import { instantOfWallClock, timeZone, wallClockOf } from '../dates';

// One place decides how each kind of field is shown, entered and filtered; every generated screen
// and the hand-written ones use it, so a field looks the same everywhere.

const choicesOf = (field: FieldMetadata) =>
  enums[field.enumName!].values.map((v) => ({ id: v.value, name: `enums.${field.enumName}.${v.value}` }));

const PERCENT = { style: 'percent', maximumFractionDigits: 1 } as const;

export function fieldFor(field: FieldMetadata, props: Record<string, unknown> = {}): ReactElement {
  const common = { source: field.name, key: field.name, ...props };
  switch (field.kind) {
    case 'reference':
      // Sorting by a reference would sort by its id, which means nothing to a reader.
      return (
        <ReferenceField {...common} reference={field.reference!} link="show" sortable={false}>
          <RecordName resource={resourceMeta(field.reference!)} />
        </ReferenceField>
      );
    case 'enum':
      return <SelectField {...common} choices={choicesOf(field)} />;
    case 'enumList':
      return <EnumListField {...common} enumName={field.enumName!} />;
    case 'stringList':
      return <StringListField {...common} />;
    case 'boolean':
      return <BooleanField {...common} looseValue />;
    case 'date':
      return <DateField {...common} locales="zh-CN" />;
    case 'datetime':
      return <DateField {...common} showTime locales="zh-CN" options={{ timeZone: timeZone() }} />;
    case 'int':
      // Whole numbers here are years, counts and hours: 2026, never "2,026".
      return <NumberField {...common} options={{ useGrouping: false }} />;
    case 'float':
      return <NumberField {...common} />;
    case 'ratio':
      return <NumberField {...common} options={PERCENT} />;
    default:
      return <TextField {...common} />;
  }
}

/** A record's name (provider/record-name.ts), e.g. in a reference column. */
export function RecordName({ resource }: { resource: ResourceMetadata }) {
  const record = useRecordContext();
  const translate = useTranslate();
  return <span>{recordName(resource, record, translate)}</span>;
}

/** The values of an enum list (处罚种类) as chips with their labels. */
function EnumListField({ source, enumName }: { source: string; enumName: string; label?: string; sortable?: boolean }) {
  const translate = useTranslate();
  const value = useFieldValue({ source }) as string[] | undefined;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }} component="span">
      {(value ?? []).map((v) => (
        <Chip key={v} size="small" label={translate(`enums.${enumName}.${v}`)} />
      ))}
    </Stack>
  );
}

/** A list of texts (a token's scopes) as chips. */
function StringListField({ source }: { source: string; label?: string; sortable?: boolean }) {
  const value = useFieldValue({ source }) as string[] | undefined;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }} component="span">
      {(value ?? []).map((v) => (
        <Chip key={v} size="small" label={v} />
      ))}
    </Stack>
  );
}

/** A list of texts typed on one line, separated by commas or 、. */
const joinList = (v: string[] | null | undefined) => (v ?? []).join(', ');
const splitList = (s: string) => s.split(/[,，、;；\s]+/).filter(Boolean);

/** The input of a field; `creating` starts it at the default a new record gets. */
export function inputFor(resource: ResourceMetadata, field: FieldMetadata, props: Record<string, unknown> = {}, { creating = false } = {}): ReactElement {
  const helperText = field.help ? `resources.${resource.name}.helpers.${field.name}` : false;
  const validate = field.required ? required() : undefined;
  const defaultValue = creating && field.default !== undefined ? { defaultValue: field.default } : {};
  const common = { source: field.name, key: field.name, helperText, validate, fullWidth: true, ...defaultValue, ...props };
  switch (field.kind) {
    case 'reference': {
      const target = resourceMeta(field.reference!);
      return (
        <ReferenceInput source={field.name} key={field.name} reference={field.reference!} perPage={25} sort={{ field: target.titleField, order: 'ASC' }}>
          <AutocompleteInput
            // Named as everywhere else, a person with their organization.
            optionText={(record) => recordName(target, record, i18nProvider.translate)}
            filterToQuery={(q: string) => (target.searchable ? { q } : {})}
            helperText={helperText}
            validate={validate}
            fullWidth
            {...props}
          />
        </ReferenceInput>
      );
    }
    case 'enum':
      return <SelectInput {...common} choices={choicesOf(field)} emptyText="" />;
    case 'enumList':
      return <SelectArrayInput {...common} choices={choicesOf(field)} />;
    case 'stringList':
      return <TextInput {...common} format={joinList} parse={splitList} />;
    case 'boolean':
      return field.nullable ? <NullableBooleanInput {...common} /> : <BooleanInput {...common} />;
    case 'password':
      return <PasswordInput {...common} autoComplete="new-password" />;
    case 'date':
      return <DateInput {...common} />;
    case 'datetime':
      // Read and typed in the county's zone, sent as an instant with its zone.
      return <DateTimeInput {...common} format={wallClockOf} parse={instantOfWallClock} />;
    case 'int':
      return <NumberInput {...common} step={1} />;
    case 'float':
      return <NumberInput {...common} />;
    case 'ratio':
      // Typed as a percentage (20), sent as the fraction the API speaks (0.2).
      return <NumberInput {...common} format={(v: number | null) => (v == null ? v : Math.round(v * 1000) / 10)} parse={(v: string) => (v === '' ? null : Number(v) / 100)} InputProps={{ endAdornment: <InputAdornment position="end">%</InputAdornment> }} />;
    default:
      return <TextInput {...common} multiline={Boolean(field.multiline)} />;
  }
}

/**
 * The list filters a resource's fields allow: search when the API has `q`, then one filter per
 * field in the kind's usual form (a select for enums, a search box for references, a date range).
 */
export function filtersFor(resource: ResourceMetadata, translate: (key: string, args?: object) => string): ReactElement[] {
  const label = (f: FieldMetadata) => translate(`resources.${resource.name}.fields.${f.name}`);
  const out: ReactElement[] = resource.searchable ? [<SearchInput source="q" key="q" alwaysOn />] : [];
  for (const field of resource.fields) {
    if (field.name === 'id' || field.name === 'version') continue;
    const base = { helperText: false, validate: undefined, fullWidth: false };
    switch (field.kind) {
      case 'date':
      case 'datetime':
      case 'int':
      case 'float':
      case 'ratio':
        if (field.filters.includes('_gte')) {
          out.push(inputFor(resource, field, { ...base, source: `${field.name}_gte`, key: `${field.name}_gte`, label: translate('app.filters.from', { field: label(field) }) }));
          out.push(inputFor(resource, field, { ...base, source: `${field.name}_lte`, key: `${field.name}_lte`, label: translate('app.filters.to', { field: label(field) }) }));
        }
        break;
      case 'boolean':
        out.push(<NullableBooleanInput source={field.name} key={field.name} label={label(field)} />);
        break;
      case 'string':
        break; // text is found through the search box
      case 'enumList':
        // A list field is filtered by one value it holds.
        out.push(<SelectInput source={field.name} key={field.name} label={label(field)} choices={choicesOf(field)} />);
        break;
      case 'stringList':
        out.push(<TextInput source={field.name} key={field.name} label={label(field)} helperText={false} />);
        break;
      default:
        out.push(inputFor(resource, field, { ...base, label: label(field) }));
    }
  }
  return out;
}
