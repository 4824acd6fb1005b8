import { useEffect } from 'react';
import { startApp } from './actions/startup';
import { CanvasArea } from './components/canvas/CanvasArea';
import { TimelinePanel } from './components/timeline/TimelinePanel';
import { DetailsPanel } from './components/details/DetailsPanel';
import { Sidebar } from './components/sidebar/Sidebar';
import { StatusBar } from './components/StatusBar';
import { Toasts } from './components/Toasts';
import { SessionEnded } from './components/session/SessionEnded';
import { TopBar } from './components/topbar/TopBar';
import { DialogHost } from './dialogs/DialogHost';
import { useShortcuts } from './hooks/useShortcuts';

export function App() {
  useShortcuts();
  useEffect(() => {
    void startApp();
  }, []);
  return (
    <div className="app">
      <TopBar />
      <div className="workspace">
        <Sidebar />
        <div className="centre">
          <CanvasArea />
          <TimelinePanel />
        </div>
        <DetailsPanel />
      </div>
      <StatusBar />
      <DialogHost />
      <Toasts />
      <SessionEnded />
    </div>
  );
}
