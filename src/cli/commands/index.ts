// Every CLI command. Append one import and one entry per command (keep related commands together).
import type { Command } from '../command';
import { auditCommand } from './audit';
import { demoCommand } from './demo';
import { importCommand } from './import';
import { infoCommand } from './info';
import { subjectsCommand, trialsCommand } from './library';
import { serveCommand } from './serve';
import { settingsCommand } from './settings';
import { analyzeJumpCommand } from './analyzeJump';
import { convertCommand } from './convert';
import { analyzeLoadCommand } from './analyzeLoad';
import { routeCommand, mapHeadersCommand, extractCommand } from './llm';
import { privacyCommand } from './privacy';
import { validateCommand } from './validate';
import { inspectCommand } from './inspect';
import { simulateHandCommand, simulateJumpCommand, simulateLandingCommand } from './simulate';
import { simulateTrackCommand } from './simulateTrack';
import { analyzeKinematicsCommand } from './analyzeKinematics';
import { twinIdCommand, twinIkCommand, twinLandingCommand, twinScaleCommand } from './twin';
import { generateCohortCommand } from './generate';
import { mergeCommand } from './merge';
import { reproduceCommand } from './reproduce';
import { exportCommand } from './export';
import { renderPosesCommand } from './render';

export const commands: Command[] = [
  // the app and the store
  serveCommand, demoCommand, importCommand, trialsCommand, subjectsCommand, infoCommand, settingsCommand, auditCommand,
  // recordings
  inspectCommand, convertCommand,
  // analysis and the twin
  analyzeJumpCommand, analyzeKinematicsCommand, analyzeLoadCommand,
  twinScaleCommand, twinIkCommand, twinIdCommand, twinLandingCommand,
  // physics
  simulateLandingCommand, simulateJumpCommand, simulateHandCommand, simulateTrackCommand,
  // synthetic data
  generateCohortCommand, mergeCommand, reproduceCommand, exportCommand, renderPosesCommand, validateCommand, privacyCommand,
  // local LLM harmonisation
  routeCommand, mapHeadersCommand, extractCommand,
];
