// File > Import table…: pick a table, then map it — the spec on the left, the first rows and
// the live preview on the right — and import. Escape closes a save/load panel first, then the wizard.
import { closeTableImport, openSpecPanel } from '../../actions/table-import-actions';
import { useStore } from '../../hooks/useStore';
import { baseName } from '../../graph/paths';
import { importGate } from '../../import-spec/import-gate';
import { PREVIEW_ROWS, tableImportStore } from '../../state/table-import-store';
import { Dialog } from '../Dialog';
import { MappingView } from './MappingView';
import { PickTableStep } from './PickTableStep';
import { WizardFooter } from './WizardFooter';

export function ImportTableDialog() {
  const w = useStore(tableImportStore);
  if (w.step !== 'map' || !w.spec) return <PickTableStep reading={w.step === 'reading'} error={w.readError} path={w.path} />;
  const gate = importGate({ status: w.preview.status, preview: w.preview.result, problems: w.problems.length, acceptedFor: w.acceptedFor, importing: w.importing, limit: PREVIEW_ROWS });
  const style = w.inference?.style === 'neo4j' ? 'graph export' : 'table';
  return (
    <Dialog
      title={<>Import {style} <span className="mono itw-title-path" title={w.path ?? ''}>{baseName(w.path ?? '')}</span></>}
      onClose={() => (w.panel ? openSpecPanel(null) : closeTableImport())}
      size="wide"
      testId="import-table"
      footer={<WizardFooter gate={gate} specFile={w.specFile} />}
    >
      <MappingView w={w} />
    </Dialog>
  );
}
