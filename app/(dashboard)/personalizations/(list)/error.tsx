"use client";

import { routeError } from "@/components/route-error";

export default routeError("This page could not be loaded.");
