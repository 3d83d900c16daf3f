/** Switches the interface language; i18n/index.ts remembers the choice for the next start. */
import { Group, Radio } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { languages } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Radio.Group
      label={t('settings.languageLabel')}
      value={i18n.resolvedLanguage ?? 'vi'}
      onChange={(language) => void i18n.changeLanguage(language)}
    >
      <Group mt="xs">
        {languages.map((language) => (
          <Radio key={language} value={language} label={t(`settings.language.${language}`)} />
        ))}
      </Group>
    </Radio.Group>
  );
}
