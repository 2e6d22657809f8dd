"use client";

import { routeError } from "@/components/route-error";

export default routeError("The published versions could not be loaded.");
