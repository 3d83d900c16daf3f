/**
 * Lĩnh vực hoạt động: the sectors of Danh mục, grouped agricultural and non-agricultural, searched
 * as typed. The organization form and the new organizations of a lifecycle event pick with it.
 */
import { useTranslation } from 'react-i18next';
import { sectorGroups } from '../../../shared/domain';
import { useLookups } from '../queries';
import { LabelledSelect, type LabelledSelectProps } from './LabelledSelect';

export function SectorSelect(props: Omit<LabelledSelectProps, 'data'>) {
  const { t } = useTranslation();
  const lookups = useLookups();
  const data = sectorGroups.map((group) => ({
    group: t(`register.sectorGroup.${group}`),
    items: (lookups.data?.sectors ?? []).filter((sector) => sector.group === group).map((sector) => ({ value: sector.code, label: sector.name })),
  }));
  return (
    <LabelledSelect
      placeholder={t('register.form.sectorPlaceholder')}
      nothingFoundMessage={t('register.form.noSector')}
      searchable
      clearable
      data={data}
      {...props}
    />
  );
}
