"use client";

import { routeError } from "@/components/route-error";

export default routeError("This personalization could not be loaded.");
