"use client";

import { routeError } from "@/components/route-error";

export default routeError("The segments could not be loaded.");
