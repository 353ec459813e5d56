export interface NotificationsModuleOptions { readonly placeholder?: true }
export class NotificationsModule {}
