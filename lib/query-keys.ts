/** Every react-query key in one place, so invalidations can't drift from the queries. */
export const queryKeys = {
  members: ["members"] as const,
};
