/** "2 new, 1 archived, 0 removed" */
export function reloadSummaryText(summary: { added: number; archived: number; removed: number }): string {
  return `${summary.added} new, ${summary.archived} archived, ${summary.removed} removed`;
}
