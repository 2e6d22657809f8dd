"use client";

import { routeError } from "@/components/route-error";

export default routeError("The sync log could not be loaded.");
