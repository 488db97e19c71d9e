// Which view the side panel shows for a route, fetched from the API.
import type { CommunitySummary, HealthResponse } from '../../../src/graph/model.ts';
import { api } from '../api.ts';
import type { PanelRoute } from '../urlState.ts';
import type { ExplorerActions } from './actions.ts';
import { communityView } from './communityView.ts';
import { conceptView, type FocusCounts } from './conceptView.ts';
import { evidenceView } from './evidenceView.ts';
import { homeView } from './homeView.ts';
import { paperListView } from './paperListView.ts';
import { paperView } from './paperView.ts';

export interface PanelContext {
  health: HealthResponse | null;
  conceptsOnMap: number;
  totalConcepts: number;
  community(id: number): CommunitySummary | undefined;
  /** What the focus view of this concept shows, when it is the one on the map. */
  focusCounts(id: string): FocusCounts | null;
  actions: ExplorerActions;
}

export async function renderPanelRoute(route: PanelRoute, context: PanelContext): Promise<HTMLElement> {
  const { actions } = context;
  switch (route.kind) {
    case 'home':
      return homeView(context.health, { concepts: context.conceptsOnMap, total: context.totalConcepts });
    case 'concept': {
      const concept = await api.concept(route.id);
      return conceptView(concept, context.community(concept.community)?.label ?? null, context.focusCounts(route.id), actions);
    }
    case 'paper':
      return paperView(await api.paper(route.id), actions);
    case 'papers': {
      const concept = await api.concept(route.id);
      return paperListView(concept.label, (offset) => api.conceptPapers(route.id, offset, 50), actions);
    }
    case 'evidence':
      return evidenceView(await api.evidence(route.a, route.b), actions);
    case 'community':
      return communityView(await api.community(route.id), actions);
  }
}
