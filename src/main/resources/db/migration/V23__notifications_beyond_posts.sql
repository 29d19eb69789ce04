-- Issue 11: notifications about something other than a post (a partnership asked for, accepted or declined).
-- Such a notification has no post or thread, and carries the address it leads to.
ALTER TABLE notifications_notification
    ALTER COLUMN post_id DROP NOT NULL,
    ALTER COLUMN thread_id DROP NOT NULL,
    ADD COLUMN link TEXT;
ALTER TABLE notifications_notification DROP CONSTRAINT notifications_notification_kind_check;
ALTER TABLE notifications_notification ADD CONSTRAINT notifications_notification_kind_check
    CHECK (kind IN ('REPLY', 'QUOTE', 'MENTION', 'FOLLOWED',
                    'PARTNERSHIP_ASKED', 'PARTNERSHIP_ACCEPTED', 'PARTNERSHIP_DECLINED'));
ALTER TABLE notifications_notification ADD CONSTRAINT notifications_notification_about_something
    CHECK (post_id IS NOT NULL OR link IS NOT NULL);
