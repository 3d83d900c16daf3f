/** The agreements a member organization or a partner is a party to, for its page. */
import { useTranslation } from 'react-i18next';
import { useCounterpartAgreements } from '../../queries/agreements';
import { AgreementsPanel } from './AgreementsPanel';

export function CounterpartAgreements({ kind, id }: { kind: 'organization' | 'partner'; id: number }) {
  const { t } = useTranslation();
  return (
    <AgreementsPanel
      title={t('agreements.panel.counterpartTitle')}
      empty={t('agreements.panel.counterpartEmpty')}
      agreements={useCounterpartAgreements({ kind, id })}
    />
  );
}
