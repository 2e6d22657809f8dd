"use client";

import { routeError } from "@/components/route-error";

export default routeError("This flow could not be loaded.");
