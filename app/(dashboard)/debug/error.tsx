"use client";

import { routeError } from "@/components/route-error";

export default routeError("The debug panel could not be loaded.");
