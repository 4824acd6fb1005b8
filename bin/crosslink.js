#!/usr/bin/env node
// The `crosslink` command: runs the TypeScript CLI through tsx's loader.
import { register } from 'tsx/esm/api';

register();
await import('../electron/host/cli-main.ts');
