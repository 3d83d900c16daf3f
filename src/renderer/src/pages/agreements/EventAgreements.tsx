/** The agreements signed at one event, for the event's page. */
import { useTranslation } from 'react-i18next';
import { useEventAgreements } from '../../queries/agreements';
import { AgreementsPanel } from './AgreementsPanel';

export function EventAgreements({ eventId }: { eventId: number }) {
  const { t } = useTranslation();
  const agreements = useEventAgreements(eventId);
  return <AgreementsPanel title={t('agreements.panel.eventTitle')} empty={t('agreements.panel.eventEmpty')} query={agreements} rows={agreements.data ?? []} />;
}
