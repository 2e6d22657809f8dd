// Folder cycles in lib/: the product's modules only (tests, test helpers and dev scripts sit beside the code
// they exercise and may import anything, so they are left out). Run by `npm run lint:deps`.
import base, { tools } from "./.dependency-cruiser.mjs";

/** @type {import("dependency-cruiser").IConfiguration} */
const config = {
  forbidden: [
    {
      name: "no-folder-cycles",
      comment: "lib/ folders form a graph without cycles (one direction)",
      severity: "error",
      scope: "folder",
      from: { path: "^lib/" },
      to: { circular: true },
    },
  ],
  options: { ...base.options, exclude: { path: [...base.options.exclude.path, ...tools] } },
};

export default config;
