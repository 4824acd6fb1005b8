import { useStore } from '../hooks/useStore';
import { uiStore } from '../state/ui-store';
import { FileDialog } from './FileDialog';
import { BackupsDialog } from './BackupsDialog';
import { HealthDialog } from './HealthDialog';
import { AuditDialog } from './audit/AuditDialog';
import { ReviewDialog } from './ReviewDialog';
import { AnalysisDialogs } from './AnalysisDialogs';
import { BoardDialogs } from './BoardDialogs';
import { LeadsDialogs } from './LeadsDialogs';
import { BriefDialogs } from './BriefDialogs';
import { SessionDialogs } from './SessionDialogs';
import { AboutDialog, ShortcutsDialog } from './HelpDialogs';
import { ImportReportDialog } from './ImportReportDialog';
import { ImportTableDialog } from './import-table/ImportTableDialog';
import { NewCaseDialog } from './NewCaseDialog';
import { SummaryDialog } from './SummaryDialog';

export function DialogHost() {
  const d = useStore(uiStore, (u) => u.dialog);
  if (!d) return null;
  switch (d.type) {
    case 'file':
      return <FileDialog key={d.mode} mode={d.mode} />;
    case 'newCase':
      return <NewCaseDialog thenImport={d.thenImport} />;
    case 'importTable':
      return <ImportTableDialog />;
    case 'report':
      return <ImportReportDialog key={d.importId} importId={d.importId} note={d.note} />;
    case 'summary':
      return <SummaryDialog center={d.center} summary={d.summary} />;
    case 'shortcuts':
      return <ShortcutsDialog />;
    case 'about':
      return <AboutDialog />;
    case 'backups':
      return <BackupsDialog casePath={d.casePath} damaged={d.damaged} />;
    case 'health':
      return <HealthDialog />;
    case 'audit':
      return <AuditDialog />;
    case 'review':
      return <ReviewDialog />;
    case 'analysis':
      return <AnalysisDialogs name={d.name} data={d.data} />;
    case 'board':
      return <BoardDialogs name={d.name} data={d.data} />;
    case 'leads':
      return <LeadsDialogs name={d.name} data={d.data} />;
    case 'brief':
      return <BriefDialogs name={d.name} />;
    case 'session':
      return <SessionDialogs name={d.name} />;
  }
}
