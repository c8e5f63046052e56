import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import NotificationsIcon from '@mui/icons-material/Notifications';
import { Badge, IconButton, Tooltip } from '@mui/material';
import { useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { graphql } from '../data-provider';
import { MarkNoticeReadDocument, MyUnreadNoticeCountDocument } from '../generated/operations';
import { ResourceShow } from '../generic/views';
import { resourceMeta } from '../metadata';

const notice = resourceMeta('Notice');
const UNREAD = ['notices', 'unread'];

/** The header's bell: how many notices addressed to me I have not opened, a link to the list. */
export function UnreadNotices() {
  const translate = useTranslate();
  // Checked again every few minutes, so a notice published meanwhile shows without a reload.
  const { data } = useQuery({ queryKey: UNREAD, queryFn: () => graphql(MyUnreadNoticeCountDocument), refetchInterval: 5 * 60_000 });
  const count = data?.myUnreadNoticeCount ?? 0;
  const label = translate('app.notices.unread', { smart_count: count });
  return (
    <Tooltip title={label}>
      <IconButton color="inherit" component={Link} to="/Notice" aria-label={label}>
        <Badge badgeContent={count} color="error" max={99}>
          <NotificationsIcon />
        </Badge>
      </IconButton>
    </Tooltip>
  );
}

/** Opening a notice is reading it: the receipt is left once, and the header's count follows. */
function MarkRead() {
  const record = useRecordContext();
  const client = useQueryClient();
  const refresh = useRefresh();
  const id = record?.id;
  const read = record?.readByMe;
  useEffect(() => {
    if (id === undefined || read !== false) return;
    graphql(MarkNoticeReadDocument, { id: String(id) })
      .then(() => Promise.all([client.invalidateQueries({ queryKey: UNREAD }), refresh()]))
      .catch(() => undefined);
  }, [id, read, client, refresh]);
  return null;
}

/** A notice's page: its text, recipients and files, and the reader's receipt. */
export function NoticeShow() {
  return <ResourceShow resource={notice} notes={<MarkRead />} />;
}
