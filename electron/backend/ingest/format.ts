// The TECS-style export bundle, as specified in ../shared/tecs-export-format.md.
// One place names every file, column and code so the reader, the validator and the
// demo generator cannot drift apart.

export const AGENCIES = ['CBP', 'ICE', 'USCIS'] as const;
export const HANDLINGS = ['SHARED', 'LES', 'ORCON'] as const;
export const SEXES = ['M', 'F', 'U'] as const;
export const DOC_TYPES = [
  'PASSPORT',
  'VISA',
  'PERMANENT_RESIDENT_CARD',
  'BORDER_CROSSING_CARD',
  'DRIVER_LICENSE',
  'NONE',
] as const;
export const DIRECTIONS = ['INBOUND', 'OUTBOUND'] as const;
export const MODES = ['LAND', 'PEDESTRIAN', 'AIR', 'SEA'] as const;
export const LANES = ['GENERAL', 'SENTRI', 'READY', 'COMMERCIAL'] as const;
export const ROLES = ['DRIVER', 'PASSENGER', 'PEDESTRIAN', 'AIR_TRAVELER', 'CREW'] as const;
export const RESULTS = ['ADMITTED', 'REFERRED', 'DENIED', 'SEIZURE', 'ARREST'] as const;
export const CASE_STATUSES = ['OPEN', 'CLOSED', 'SUSPENDED'] as const;
export const CASE_CATEGORIES = [
  'HUMAN_SMUGGLING',
  'NARCOTICS',
  'TRAFFICKING',
  'DOCUMENT_FRAUD',
  'CURRENCY',
  'WEAPONS',
  'OTHER',
] as const;
export const CASE_LINK_ROLES = ['SUBJECT', 'ASSOCIATE', 'VICTIM', 'WITNESS', 'VEHICLE'] as const;
export const LOOKOUT_REASONS = [
  'ARMED_DANGEROUS',
  'SMUGGLING',
  'INVESTIGATIVE_INTEREST',
  'FRAUDULENT_DOCUMENT',
  'WANTED',
] as const;
export const LOOKOUT_ACTIONS = ['REFER_SECONDARY', 'NOTIFY_CASE_AGENT', 'DETAIN'] as const;
export const ASSOCIATION_KINDS = [
  'FAMILY',
  'ASSOCIATE',
  'EMPLOYER',
  'COHABITANT',
  'PHONE_CONTACT',
  'REGISTERED_OWNER',
] as const;

/** The files a bundle may carry, in the order they are loaded (referenced files first). */
export const BUNDLE_FILES = [
  'ports.csv',
  'subjects.csv',
  'vehicles.csv',
  'cases.csv',
  'case_links.csv',
  'lookouts.csv',
  'associations.csv',
  'crossings.csv',
] as const;
export type BundleFile = (typeof BUNDLE_FILES)[number];

/** Columns of each file as the format lists them. Order in a real file may differ. */
export const COLUMNS: Record<BundleFile, readonly string[]> = {
  'ports.csv': ['port_code', 'name', 'region', 'country', 'lat', 'lon'],
  'subjects.csv': [
    'record_id', 'agency', 'entered_at', 'handling', 'last_name', 'first_name', 'middle_name',
    'aka', 'dob', 'sex', 'nationality', 'doc_type', 'doc_number', 'doc_country', 'address',
    'city', 'region', 'postal_code', 'country', 'phone', 'email',
  ],
  'vehicles.csv': [
    'record_id', 'agency', 'entered_at', 'handling', 'vin', 'plate', 'plate_region', 'make',
    'model', 'year', 'color', 'owner_record_id',
  ],
  'crossings.csv': [
    'crossing_id', 'event_id', 'agency', 'handling', 'occurred_at', 'port_code', 'direction',
    'mode', 'lane', 'role', 'last_name', 'first_name', 'dob', 'sex', 'nationality', 'doc_type',
    'doc_number', 'doc_country', 'plate', 'plate_region', 'vin', 'carrier', 'flight_number',
    'result',
  ],
  'cases.csv': [
    'case_id', 'agency', 'handling', 'opened_at', 'closed_at', 'status', 'category', 'title',
    'summary', 'office',
  ],
  'case_links.csv': ['case_id', 'record_id', 'role', 'linked_at', 'note'],
  'lookouts.csv': [
    'lookout_id', 'agency', 'handling', 'issued_at', 'expires_at', 'record_id', 'reason',
    'action', 'contact',
  ],
  'associations.csv': ['record_a', 'record_b', 'kind', 'agency', 'handling', 'reported_at'],
};

export interface Manifest {
  export_id: string;
  exported_at: string;
  source_system?: string;
  region?: string;
  files: Record<string, { rows?: number; sha256?: string }>;
}
