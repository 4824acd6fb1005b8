// The dialogs of the Session menu, by name.
import { HostDialog } from './session/HostDialog';

export function SessionDialogs({ name }: { name: 'host' }) {
  return name === 'host' ? <HostDialog /> : null;
}
