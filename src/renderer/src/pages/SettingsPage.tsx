/** Settings: the alliance's details, the interface language, the backups, and where the data lives. */
import type { ReactNode } from 'react';
import { Paper, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Alliance } from '../../../shared/domain';
import { AboutData } from '../components/AboutData';
import { AllianceForm } from '../components/AllianceForm';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { BackupsSection } from './settings/BackupsSection';
import { EventLookupsSection } from './settings/EventLookupsSection';
import { EffectiveDefinition } from './plans/EffectiveDefinition';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" component="section">
      <Title order={3} mb="md">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

interface SettingsPageProps {
  alliance: Alliance;
}

export function SettingsPage({ alliance }: SettingsPageProps) {
  const { t } = useTranslation();
  return (
    <Stack maw={960}>
      <Title order={2}>{t('settings.title')}</Title>
      <Section title={t('settings.allianceSection')}>
        <AllianceForm
          initial={alliance}
          submitLabel={t('settings.save')}
          onSaved={() => notifications.show({ color: 'teal', message: t('settings.saved') })}
        />
      </Section>
      <Section title={t('settings.languageSection')}>
        <LanguageSwitch />
      </Section>
      <Section title={t('events.lookups.title')}>
        <EventLookupsSection />
      </Section>
      <Section title={t('plans.settings.title')}>
        <EffectiveDefinition />
      </Section>
      <Section title={t('backups.title')}>
        <BackupsSection />
      </Section>
      <Section title={t('settings.dataSection')}>
        <AboutData />
      </Section>
    </Stack>
  );
}
