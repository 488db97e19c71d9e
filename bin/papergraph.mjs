#!/usr/bin/env node
// The published entry point: the CLI is TypeScript run through tsx, so there is no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
