"use client";

import { routeError } from "@/components/route-error";

export default routeError("The field mappings could not be loaded.");
