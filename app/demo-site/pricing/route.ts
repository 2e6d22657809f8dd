import { demoPage } from "../demo-page";

// The demo site's pricing page: a page-visit URL pattern ("/demo-site/pricing*") to send as an event.
export function GET(request: Request): Promise<Response> {
  return demoPage(request, "pricing");
}
