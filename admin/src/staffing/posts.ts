import { useTranslate } from 'react-admin';
import { useLocalizedName } from '../common';

export interface Holder {
  id: string;
  slot: 'A' | 'B';
  staffMemberId: string;
  validFrom: string;
  validUntil: string | null;
  version?: number;
  staffMember: { id: string; name: string } | null;
}
export interface Post {
  id: string;
  kind: 'COORDINATOR' | 'WINDOW' | 'SPECIALIST';
  communityId: string;
  specialistRole: { id: string; code: string; name: string; nameEn: string } | null;
  serviceWindow: { id: string; name: string } | null;
  holders?: Holder[];
}

export interface Rotation {
  id: string;
  postId: string;
  everyWeeks: number;
  validFrom: string;
  validUntil: string | null;
}

const KIND_ORDER = { COORDINATOR: 0, WINDOW: 1, SPECIALIST: 2 };

/** Coordinator first, then the windows, then the specialist roles in catalogue order. */
export const byPostOrder = (a: Post, b: Post) =>
  KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
  Number(a.specialistRole?.id ?? a.serviceWindow?.id ?? 0) - Number(b.specialistRole?.id ?? b.serviceWindow?.id ?? 0);

/** What a post is called: the coordinator's, a window's name, or the role's name in the language chosen. */
export function usePostLabel() {
  const translate = useTranslate();
  const nameOf = useLocalizedName();
  return (post: Pick<Post, 'kind' | 'specialistRole' | 'serviceWindow'>) => {
    if (post.kind === 'COORDINATOR') return translate('cg.staffing.coordinator');
    if (post.kind === 'WINDOW') return post.serviceWindow?.name ?? '';
    return nameOf(post.specialistRole);
  };
}

/** A day as the language writes it (dates are YYYY-MM-DD in the API). */
export const formatDay = (locale: string, day: string) =>
  new Date(`${day}T00:00:00`).toLocaleDateString(locale, { month: 'short', day: 'numeric', year: 'numeric' });

export const addDays = (day: string, days: number): string => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};
