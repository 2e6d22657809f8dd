export { listNotifications, markAllRead, notify, unreadCount, type NotificationInput, type NotificationView } from "./notifications";
