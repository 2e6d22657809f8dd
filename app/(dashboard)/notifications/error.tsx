"use client";

import { routeError } from "@/components/route-error";

export default routeError("The notifications could not be loaded.");
