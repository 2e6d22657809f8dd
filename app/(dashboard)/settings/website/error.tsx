"use client";

import { routeError } from "@/components/route-error";

export default routeError("The website settings could not be loaded.");
