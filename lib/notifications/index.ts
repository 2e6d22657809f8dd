export { listNotifications, markAllRead, notify, notifyMember, unreadCount, type NotificationInput, type NotificationView } from "./notifications";
export { DEFAULT_EMAIL_PREFERENCE, getEmailPreference, sendDueDigests, setEmailPreference } from "./email-delivery";
export { EMAIL_PREFERENCES, type EmailPreference } from "./email";
