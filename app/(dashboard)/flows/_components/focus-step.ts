/** Scrolls a step card into view and moves keyboard focus to its heading. */
export function focusStep(stepId: string) {
  const heading = document.getElementById(`step-${stepId}-title`);
  if (!heading) return;
  heading.scrollIntoView({ behavior: "smooth", block: "start" });
  heading.focus({ preventScroll: true });
}
