import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Box, Rating, Typography } from '@mui/material';
import { TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import CampaignIcon from '@mui/icons-material/Campaign';
import PlaceIcon from '@mui/icons-material/Place';
import TaskAltIcon from '@mui/icons-material/TaskAlt';
import StarIcon from '@mui/icons-material/Star';
import { ResourceShow } from '../generic/views';
import { graphql } from '../data-provider';
import {
  AcknowledgeDispatchAssignmentDocument,
  ArriveDispatchAssignmentDocument,
  CloseDispatchAssignmentDocument,
  DispatchAssignmentStreetDocument,
  RateDispatchAssignmentDocument,
} from '../generated/operations';
import { resourceMeta } from '../metadata';
import { ConfirmedAction, PromptedAction } from './domain-action';
import { IfMayRun, ShowActions } from '../generic/actions';
import { useMyPermissions } from '../permissions';

const assignment = resourceMeta('DispatchAssignment');

/** Does the signed-in account act for this organization (its own; any for an account of no organization or an administrator)? */
function useActsFor(organizationId: unknown): boolean {
  const permissions = useMyPermissions();
  if (!permissions) return false;
  return permissions.role === 'ADMIN' || !permissions.organizationId || permissions.organizationId === String(organizationId);
}

/** The street's rating: stars above the comment. */
function RateAction() {
  const [rating, setRating] = useState<number | null>(null);
  const translate = useTranslate();
  return (
    <PromptedAction
      mutation={RateDispatchAssignmentDocument}
      variables={(r, comment) => ({ id: String(r.id), version: r.version, rating: rating ?? 0, comment })}
      label="app.dispatch.rate"
      done="app.dispatch.rated"
      arg="comment"
      fieldLabel="app.dispatch.comment"
      icon={<StarIcon />}
      ready={rating != null}
      extra={
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <Typography variant="body2">{translate('app.dispatch.rating')}</Typography>
          <Rating name="rating" value={rating} onChange={(_, v) => setRating(v)} data-testid="dispatch-rating" />
        </Box>
      }
    />
  );
}

/**
 * The called department's steps, each timed now by the server: acknowledge, arrive on the spot
 * (报到), close with the result; then the street that called rates the work. Each side sees only its
 * own buttons; the street edits or withdraws the call only until it is acknowledged.
 */
function DispatchActions() {
  const record = useRecordContext();
  const { data: street } = useQuery({
    queryKey: ['dispatch-street', record?.id],
    queryFn: () => graphql(DispatchAssignmentStreetDocument, { id: String(record!.id) }).then((d) => d.DispatchAssignment?.request?.streetId),
    enabled: Boolean(record),
  });
  const department = useActsFor(record?.departmentId);
  const rater = useActsFor(street);
  if (!record) return <TopToolbar />;
  const steps = (
    <>
      {department && record.status === 'CALLED' && (
        <IfMayRun operation="acknowledgeDispatchAssignment">
          <ConfirmedAction mutation={AcknowledgeDispatchAssignmentDocument} label="app.dispatch.acknowledge" confirm="app.dispatch.confirm_acknowledge" done="app.dispatch.acknowledged" icon={<CampaignIcon />} />
        </IfMayRun>
      )}
      {department && record.status === 'ACKNOWLEDGED' && (
        <IfMayRun operation="arriveDispatchAssignment">
          <ConfirmedAction mutation={ArriveDispatchAssignmentDocument} label="app.dispatch.arrive" confirm="app.dispatch.confirm_arrive" done="app.dispatch.arrived" icon={<PlaceIcon />} />
        </IfMayRun>
      )}
      {department && record.status === 'ARRIVED' && (
        <IfMayRun operation="closeDispatchAssignment">
          <PromptedAction
            mutation={CloseDispatchAssignmentDocument}
            variables={(r, result) => ({ id: String(r.id), version: r.version, result })}
            label="app.dispatch.close"
            done="app.dispatch.closed"
            arg="result"
            fieldLabel="app.dispatch.result"
            icon={<TaskAltIcon />}
          />
        </IfMayRun>
      )}
      {rater && street != null && record.status === 'CLOSED' && record.rating == null && (
        <IfMayRun operation="rateDispatchAssignment">
          <RateAction />
        </IfMayRun>
      )}
    </>
  );
  return record.status === 'CALLED' ? <ShowActions>{steps}</ShowActions> : <TopToolbar>{steps}</TopToolbar>;
}

/** What is late: a step still owed past its deadline, or one taken late. */
function LateNote() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <>
      {record.overdue && <Alert severity="warning" data-testid="dispatch-overdue">{translate('app.dispatch.overdue')}</Alert>}
      {(record.acknowledgedLate || record.arrivedLate) && (
        <Alert severity="info" data-testid="dispatch-late">
          {translate(record.arrivedLate ? 'app.dispatch.arrived_late' : 'app.dispatch.acknowledged_late')}
        </Alert>
      )}
    </>
  );
}

export function DispatchAssignmentShow() {
  return <ResourceShow resource={assignment} actions={<DispatchActions />} notes={<LateNote />} />;
}
