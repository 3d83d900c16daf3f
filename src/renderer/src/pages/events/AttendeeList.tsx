/**
 * The printable attendee list of an event: the alliance as issuing body, the event's title, dates
 * and place, then one row per participant that can come (not a member ended by its first day, nor
 * a unit in the trash) with room to sign. Shown over the app as a preview and printed with the browser's own print
 * (window.print); print.css hides everything else on paper.
 */
import { createPortal } from 'react-dom';
import { Button, Group, Text } from '@mantine/core';
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { EventDetail } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/format';
import { formatDates } from './EventsPage';
import { useParticipantKindLabel } from './ParticipantsSection';
import './print.css';
import { useEventNames } from '../../queries/events';

interface AttendeeListProps {
  event: EventDetail;
  allianceName: string;
  onClose: () => void;
}

export function AttendeeList({ event, allianceName, onClose }: AttendeeListProps) {
  const { t } = useTranslation();
  const kindLabel = useParticipantKindLabel();
  const names = useEventNames();
  // A member that had ended by the event's first day cannot come to sign, and one in the trash is
  // taken as removed, as everywhere else it counts: their lines are left off the paper, and the
  // screen above it names what was left off, so that no one looks for it there.
  const leftOff = event.participants.filter((participant) => participant.ended?.beforeEvent && !participant.inTrash);
  const inTrash = event.participants.filter((participant) => participant.inTrash);
  const listed = event.participants.filter((participant) => !participant.ended?.beforeEvent && !participant.inTrash);
  const place = [event.venue, event.provinceCode === null ? t('events.online') : event.provinceName].filter(Boolean).join(', ');

  // A direct child of <body>, so that the print style can hide all its siblings.
  return createPortal(
    <div className="attendee-sheet" role="dialog" aria-label={t('events.print.title')}>
      <Group className="attendee-sheet-actions" justify="space-between" mb="md">
        <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={onClose}>
          {t('events.print.close')}
        </Button>
        <Button leftSection={<IconPrinter size={16} />} onClick={() => window.print()}>
          {t('events.print.print')}
        </Button>
      </Group>
      {leftOff.length > 0 && (
        <Text className="attendee-sheet-actions" size="sm" c="orange.8" mb="md">
          {t('events.print.leftOff', {
            count: leftOff.length,
            names: leftOff
              .map(({ name, ended }) => (ended ? `${name} (${t('events.picker.endedOn', { status: t(`organization.status.${ended.status}`), date: formatDate(ended.endedOn) })})` : name))
              .join('; '),
          })}
        </Text>
      )}
      {inTrash.length > 0 && (
        <Text className="attendee-sheet-actions" size="sm" c="orange.8" mb="md">
          {t('events.print.leftOffTrash', { count: inTrash.length, names: inTrash.map(({ name }) => name).join('; ') })}
        </Text>
      )}
      <p className="attendee-sheet-issuer">{allianceName}</p>
      <h1 className="attendee-sheet-title">{t('events.print.title')}</h1>
      <p className="attendee-sheet-subtitle">{event.title}</p>
      <p className="attendee-sheet-meta">{t('events.print.dates', { dates: formatDates(event) })}</p>
      {place && <p className="attendee-sheet-meta">{t('events.print.place', { place })}</p>}
      <table>
        <thead>
          <tr>
            <th className="attendee-sheet-number">{t('events.print.number')}</th>
            <th>{t('events.print.name')}</th>
            <th>{t('events.print.kind')}</th>
            <th>{t('events.print.role')}</th>
            <th>{t('events.print.representative')}</th>
            <th className="attendee-sheet-signature">{t('events.print.signature')}</th>
          </tr>
        </thead>
        <tbody>
          {listed.map((participant, index) => (
            <tr key={participant.id}>
              <td className="attendee-sheet-number">{index + 1}</td>
              <td>{participant.name}</td>
              <td>{kindLabel(participant)}</td>
              <td>{names.role(participant.role)}</td>
              <td>{participant.representative}</td>
              <td />
            </tr>
          ))}
        </tbody>
      </table>
    </div>,
    document.body,
  );
}
