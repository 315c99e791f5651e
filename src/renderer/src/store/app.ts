import { createStore } from 'zustand/vanilla';

// App-wide UI state, framework-free (React binds to it in hooks.ts).
export const WORKSPACES = ['Library', 'Twin', 'Simulation', 'Cohorts', 'Audit', 'Settings'] as const;
export type Workspace = (typeof WORKSPACES)[number];

export interface AppState {
  workspace: Workspace;
  selectedTrialId: number | null;
  error: string | null;
  setWorkspace(w: Workspace): void;
  selectTrial(id: number | null): void;
  setError(e: string | null): void;
}

export const appStore = createStore<AppState>((set) => ({
  workspace: 'Library',
  selectedTrialId: null,
  error: null,
  setWorkspace: (workspace) => set({ workspace }),
  selectTrial: (selectedTrialId) => set({ selectedTrialId }),
  setError: (error) => set({ error }),
}));
