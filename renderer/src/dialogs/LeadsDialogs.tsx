// The leads inbox and the trends view, by name.
import { LeadsInbox, type InboxData } from './leads/LeadsInbox';
import { TrendsDialog } from './leads/TrendsDialog';

export function LeadsDialogs({ name, data }: { name: string; data?: unknown }) {
  switch (name) {
    case 'inbox':
      return <LeadsInbox data={data as InboxData | undefined} />;
    case 'trends':
      return <TrendsDialog />;
    default:
      return null;
  }
}
