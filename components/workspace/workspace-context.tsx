"use client";

import { createContext, use } from "react";
import type { StoryReviewView } from "@/components/review/use-story-review";
import type { Actor } from "@/lib/claims/story-claims";
import type { MentionablePerson } from "./claims/mention-textarea";
import type { PlacedClaim } from "./claims/use-claims";
import type { StoryCollab } from "./use-story-collab";
import type { WorkspaceSource } from "@/lib/sources/workspace-source";

/** The signed-in person as the workspace knows them: who they are, and the colour of their caret. */
export type WorkspaceUser = Actor & { color: string };

/**
 * What every part of a story's workspace shares: the story, the person editing it, its live document, the
 * server's review, its sources and its claims with the one selected. StoryWorkspace provides it; a component
 * takes as props only what is its own (the claim of a card, the source being corrected).
 */
export interface Workspace {
  storyId: string;
  storySlug: string;
  user: WorkspaceUser;
  /** The newsroom's people a comment may mention (everyone active but the person editing). */
  people: MentionablePerson[];
  /** The story's live document and its connection; null until the collaboration server has granted one. */
  collab: StoryCollab | null;
  /** The server's review of the story (effective statuses, blockers); null until it has loaded once. */
  review: StoryReviewView | null;
  /** Loads the review again, after a decision or a publish. */
  refreshReview: () => Promise<void>;
  sources: WorkspaceSource[];
  sourcesById: Map<string, WorkspaceSource>;
  /** The draft's claims, live. */
  claims: PlacedClaim[];
  activeClaimId: string | null;
  /** The selected claim, or null when none is selected or it is gone from the draft. */
  activeClaim: PlacedClaim | null;
  selectClaim: (claimId: string | null) => void;
}

export const WorkspaceContext = createContext<Workspace | null>(null);

/** The workspace of the story being edited; throws outside StoryWorkspace. */
export function useWorkspace(): Workspace {
  const workspace = use(WorkspaceContext);
  if (!workspace) throw new Error("useWorkspace is used outside a StoryWorkspace.");
  return workspace;
}

/**
 * The story's live document and its connection, for the parts of the workspace that are shown only once it
 * is open (the summary editor, the claims); throws before then.
 */
export function useStoryDoc(): StoryCollab {
  const { collab } = useWorkspace();
  if (!collab) throw new Error("useStoryDoc is used before the story's document is open.");
  return collab;
}

/** The signed-in person as the draft records an author: id and name, without the caret's colour. */
export function actorOf(user: WorkspaceUser): Actor {
  return { id: user.id, name: user.name };
}
