// The dialogs of the Brief menu, by name.
import { BriefExportDialog } from './brief/BriefExportDialog';
import { BriefVerifyDialog } from './brief/BriefVerifyDialog';

export function BriefDialogs({ name }: { name: 'export' | 'verify' }) {
  return name === 'export' ? <BriefExportDialog /> : <BriefVerifyDialog />;
}
