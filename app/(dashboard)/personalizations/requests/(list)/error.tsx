"use client";

import { routeError } from "@/components/route-error";

export default routeError("The publish requests could not be loaded.");
