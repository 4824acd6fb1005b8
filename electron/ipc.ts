// The one IPC channel of the Electron transport (AFFiNE-style), shared by main and preload.
export const CALL_CHANNEL = 'crosslink:call';
export const EVENT_CHANNEL = 'crosslink:event';
