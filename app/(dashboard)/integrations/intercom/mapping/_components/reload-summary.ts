/** "2 new, 1 archived, 1 restored, 0 removed" (+ type / writability changes when any). */
export function reloadSummaryText(summary: { added: number; archived: number; restored: number; removed: number; typeChanged: number; writabilityChanged: number }): string {
  const parts = [`${summary.added} new`, `${summary.archived} archived`, `${summary.restored} restored`, `${summary.removed} removed`];
  if (summary.typeChanged > 0) parts.push(`${summary.typeChanged} type changed`);
  if (summary.writabilityChanged > 0) parts.push(`${summary.writabilityChanged} writability changed`);
  return parts.join(", ");
}
