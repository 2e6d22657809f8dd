"use client";

import { routeError } from "@/components/route-error";

export default routeError("The analytics could not be loaded.");
