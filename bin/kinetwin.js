#!/usr/bin/env node
// `kinetwin` entry: runs the TypeScript CLI through tsx's loader (no build step needed for the CLI).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/index.ts');
