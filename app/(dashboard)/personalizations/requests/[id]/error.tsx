"use client";

import { routeError } from "@/components/route-error";

export default routeError("This publish request could not be loaded.");
