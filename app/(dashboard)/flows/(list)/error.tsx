"use client";

import { routeError } from "@/components/route-error";

export default routeError("The flows could not be loaded.");
