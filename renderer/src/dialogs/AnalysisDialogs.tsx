// The dialogs of the Analyse menu, by name.
import { CotravelDialog, type CotravelDialogData } from './analysis/CotravelDialog';
import { FiltersDialog } from './analysis/FiltersDialog';
import { MetricsDialog } from './analysis/MetricsDialog';
import { PathDialog, type PathDialogData } from './analysis/PathDialog';

export function AnalysisDialogs({ name, data }: { name: string; data?: unknown }) {
  switch (name) {
    case 'paths':
      return <PathDialog data={data as PathDialogData | undefined} />;
    case 'cotravel':
      return <CotravelDialog data={data as CotravelDialogData | undefined} />;
    case 'metrics':
      return <MetricsDialog />;
    case 'filters':
      return <FiltersDialog />;
    default:
      return null;
  }
}
