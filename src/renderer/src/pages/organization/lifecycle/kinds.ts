/** What each kind of lifecycle event asks for, seen from the organization whose page it is. */
import type { LifecycleEventKind } from '../../../../../shared/domain';

/** Kinds that concern only this organization: a date and a decision are enough. */
export const simpleKinds: readonly LifecycleEventKind[] = ['founding', 'suspension', 'resumption', 'dissolution', 'bankruptcy'];

/** How many new organizations a kind starts the form with. */
export function initialNewSuccessors(kind: LifecycleEventKind | null): number {
  if (kind === 'split') return 2;
  if (kind === 'separation' || hasOneSuccessor(kind)) return 1;
  return 0;
}

/** Kinds that form exactly one organization, new or already in the register: hợp nhất, chuyển đổi. */
export function hasOneSuccessor(kind: LifecycleEventKind | null): boolean {
  return kind === 'consolidation' || kind === 'conversion';
}
