import { demoPage } from "./demo-page";

// The demo site's home page (see demo-page.ts).
export function GET(request: Request): Promise<Response> {
  return demoPage(request, "home");
}
