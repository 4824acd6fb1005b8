import { createRoot } from 'react-dom/client';
import './styles.css';

const root = createRoot(document.getElementById('root')!);
// A review session's join link opens /join: the form to knock, and nothing of the app yet
// (the app would ask the host for things before the person is admitted).
if (location.pathname === '/join') {
  void import('./join/JoinPage').then(({ JoinPage }) => root.render(<JoinPage />));
} else {
  void import('./App').then(({ App }) => root.render(<App />));
}
