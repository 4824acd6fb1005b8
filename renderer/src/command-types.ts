// A command of the menus and shortcuts. Menus, the shortcut handler and the
// Help > Keyboard shortcuts dialog all read one list of these (app-commands.ts).
export interface AppCommand {
  id: string;
  label: string;
  /** As shown to the user; the first is shown in menus. 'Ctrl' means Cmd on macOS too. */
  keys: string[];
  run(): void;
  enabled?(): boolean;
  /** A longer label when it depends on state ("Undo Expand “BOTA”"). */
  describe?(): string;
}
