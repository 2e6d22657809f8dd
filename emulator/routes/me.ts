import type { Route } from "../router";

export const meRoutes: Route[] = [
  {
    method: "GET",
    path: "/me",
    handle: ({ workspace }) => ({
      body: {
        type: "admin",
        id: workspace.admin.id,
        email: workspace.admin.email,
        name: workspace.admin.name,
        email_verified: true,
        app: { type: "app", ...workspace.app, secure: false },
        avatar: { type: "avatar", image_url: "https://static.intercomassets.com/avatars/default/128.png" },
        has_inbox_seat: true,
      },
    }),
  },
];
