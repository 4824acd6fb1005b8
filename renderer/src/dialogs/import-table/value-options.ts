// Words for the ways a cell is read: types, date and number formats, normalisers.
import type { Normaliser, ValueType } from '../../../../shared/import-spec';

export const TYPE_LABEL: Record<ValueType, string> = {
  string: 'Text',
  int: 'Whole number',
  float: 'Decimal',
  boolean: 'Yes / no',
  date: 'Date',
  datetime: 'Date and time',
};

export const NORMALISER_LABEL: Record<Normaliser, string> = {
  none: 'As written',
  trim: 'Trimmed',
  upper: 'UPPER CASE',
  lower: 'lower case',
  name: 'Name (UPPER, one space)',
  phone: 'Phone number (+1…)',
  email: 'Email address',
  plate: 'Plate',
  vin: 'VIN',
  document: 'Document number',
};

/** Formats offered while typing (any pattern of YYYY MM DD HH mm ss is read). */
export const DATE_FORMATS = ['iso', 'DD/MM/YYYY', 'D/M/YYYY', 'MM/DD/YYYY', 'M/D/YYYY', 'DD.MM.YYYY', 'YYYYMMDD', 'DD/MM/YYYY HH:mm', 'MM/DD/YYYY HH:mm', 'excel'];
export const NUMBER_FORMATS = ['1,234.5', '1.234,5'];

export const isDated = (t: ValueType): boolean => t === 'date' || t === 'datetime';
