"use client";

import { routeError } from "@/components/route-error";

export default routeError("The members list could not be loaded.");
