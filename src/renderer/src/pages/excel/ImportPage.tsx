/**
 * Nhập từ Excel: a wizard of six steps — file, sheet and header, column mapping, values of coded
 * columns, preview with decisions, commit with its summary — and the list of past imports below it. Each long step runs
 * as a job on the backend with a progress bar and Hủy; the window stays free while it runs.
 */
import { useCallback, useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Stepper, Text, Title } from '@mantine/core';
import { useSessionStorage } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { useTranslation } from 'react-i18next';
import type { ImportAnalysis, ImportAwaitingPlaces, InputOf, JobStatus } from '../../../../shared/contract';
import { unfedFields } from '../../../../shared/contracts/imports';
import type { ImportKind } from '../../../../shared/domain';
import { messageOf } from '../../api';
import { lastYear } from '../../clock';
import { JobProgress } from '../../components/JobProgress';
import { useAnalysis, useAwaitingPlaces, useCommitSummary, useStartAnalysis, useStartCommit, useStartPreview } from '../../queries/imports';
import { ChooseFileStep } from './import/ChooseFileStep';
import { ImportBatches } from './import/ImportBatches';
import { MappingStep, type ColumnMapping } from './import/MappingStep';
import { commitChoices, placeAnswersOf, PreviewStep, type Decisions } from './import/PreviewStep';
import { ResultStep } from './import/ResultStep';
import { SheetStep } from './import/SheetStep';
import { ValuesStep } from './import/ValuesStep';

type Step = 'file' | 'sheet' | 'mapping' | 'values' | 'preview' | 'commit';
const steps: Step[] = ['file', 'sheet', 'mapping', 'values', 'preview', 'commit'];

/** Figures an organizations list may carry beside each organization: they need the year they are of. */
const figureFieldKeys = new Set(['membersOfficial', 'membersAssociate', 'workers', 'revenue', 'profit', 'averageIncome', 'totalAssets', 'managers', 'managersWithDegree', 'classification', 'score']);

/** A job under way in a step, and what ended the last one. */
interface Running {
  jobId: string;
  step: Step;
  /** A preview run again after the register changed under a commit: the person's choices are kept (`keptForRecheck`). */
  recheck?: true;
}

function proposedMapping(analysis: ImportAnalysis): ColumnMapping {
  return Object.fromEntries(analysis.columns.map((column) => [column.index, column.field]));
}

const noDecisions: Decisions = { rows: {}, bulk: {}, places: {} };

/**
 * The choices that still hold when the rows are checked again because the register changed since
 * the preview: the communes chosen and the rows left out. Whether a row adds a record or updates
 * one is proposed anew, from what the register holds now.
 */
function keptForRecheck(decisions: Decisions): Decisions {
  const rows = Object.fromEntries(
    Object.entries(decisions.rows).map(([row, { action, actionTurn, communeCode }]) => [row, { ...(action === 'skip' ? { action, actionTurn } : {}), ...(communeCode ? { communeCode } : {}) }]),
  );
  return { ...decisions, rows };
}

/**
 * Where the wizard is, kept for the session: leaving the page during a long commit and coming back
 * finds the same step and the same job's progress, which goes on on the backend meanwhile.
 */
interface Wizard {
  kind: ImportKind;
  year: number;
  /** The person changed the year the list's title names (else that one is used). */
  yearChosen: boolean;
  /** The values of coded columns as mapped on the values step. */
  values: { field: string; written: string; value: string | null }[];
  /** Offers and demands: the programme they are imported into; null for none. */
  programmeId?: number | null;
  step: Step;
  fileId: string | null;
  running: Running | null;
  analysisJobId: string | null;
  mapping: ColumnMapping;
  previewJobId: string | null;
  decisions: Decisions;
  commitJobId: string | null;
}

function freshWizard(kind: ImportKind, year: number): Wizard {
  return {
    kind,
    year,
    yearChosen: false,
    values: [],
    step: 'file',
    fileId: null,
    running: null,
    analysisJobId: null,
    mapping: {},
    previewJobId: null,
    decisions: noDecisions,
    commitJobId: null,
  };
}

export function ImportPage() {
  const { t } = useTranslation();
  const [wizard, setWizard] = useSessionStorage<Wizard>({
    key: 'htx-desk.import.wizard',
    defaultValue: freshWizard('organizations', lastYear()),
    getInitialValueInEffect: false,
  });
  const update = useCallback((patch: Partial<Wizard>) => setWizard((current) => ({ ...current, ...patch })), [setWizard]);
  const { kind, year, yearChosen, values, step, fileId, running, analysisJobId, mapping, previewJobId, decisions, commitJobId } = wizard;
  const programmeId = wizard.programmeId ?? null;
  const [failure, setFailure] = useState<string | null>(null);
  // The commit met a record the preview had not matched a row to: the rows are to be checked again.
  const [registerChanged, setRegisterChanged] = useState(false);
  // The figures' year field holds what it does not take (or nothing): rows are not checked meanwhile.
  const [yearUnreadable, setYearUnreadable] = useState(false);

  const analysis = useAnalysis(analysisJobId);
  const summary = useCommitSummary(commitJobId);
  const startAnalysis = useStartAnalysis();
  const startPreview = useStartPreview();
  const startCommit = useStartCommit();
  const awaitingPlaces = useAwaitingPlaces();

  const run = (jobId: string, at: Step, recheck = false) => {
    setFailure(null);
    setRegisterChanged(false);
    update({ running: { jobId, step: at, ...(recheck ? { recheck: true as const } : {}) } });
  };

  const onEnded = useCallback(
    (status: JobStatus) => {
      const ended = running;
      update({ running: null });
      if (!ended) return;
      if (status.state === 'failed') {
        // Only the commit fails for a conflict: a row met a record saved since the preview, or one in a commune chosen in it.
        setRegisterChanged(ended.step === 'preview' && status.error?.kind === 'conflict');
        return setFailure(status.error?.message ?? t('common.unexpectedError'));
      }
      if (status.state === 'cancelled') return setFailure(t('excel.import.cancelled'));
      if (ended.recheck) return update({ previewJobId: status.jobId, decisions: keptForRecheck(decisions), step: 'preview' });
      if (ended.step === 'file' || ended.step === 'sheet') update({ analysisJobId: status.jobId, mapping: {}, values: [], yearChosen: false, step: 'sheet' });
      else if (ended.step === 'mapping') update({ previewJobId: status.jobId, decisions: noDecisions, step: 'values' });
      else if (ended.step === 'values') update({ previewJobId: status.jobId, decisions: noDecisions, step: 'preview' });
      else if (ended.step === 'preview') update({ commitJobId: status.jobId, step: 'commit' });
    },
    [running, decisions, t, update],
  );

  const shown = analysis.data;
  const currentMapping = shown && Object.keys(mapping).length === 0 ? proposedMapping(shown) : mapping;
  const fieldLabel = (key: string) => t(`excel.import.field.${shown?.kind ?? kind}.${key}` as 'excel.import.field.organizations.name');
  const mapped = new Set(Object.values(currentMapping).filter((field): field is string => field !== null));
  const missing = shown
    ? unfedFields(shown.fields, shown.columns, new Map(Object.entries(currentMapping).flatMap(([column, field]) => (field ? [[Number(column), field] as const] : [])))).map((field) => fieldLabel(field.key))
    : [];

  const changeSheet = (sheet: string) => {
    if (!fileId) return;
    startAnalysis.mutate({ fileId, kind, sheet }, { onSuccess: ({ jobId }) => run(jobId, 'sheet'), onError: (error) => setFailure(messageOf(error, t('common.unexpectedError'))) });
  };
  // The year of the list's figures: asked when figures are mapped without a "Năm" column, proposed
  // from the list's title; a title naming several years ("2024–2025") proposes none.
  const needsYear = shown ? (shown.kind === 'figures' && !mapped.has('year')) || (shown.kind === 'organizations' && [...mapped].some((field) => figureFieldKeys.has(field))) : false;
  const shownYear = yearChosen ? year : shown?.titleYears ? null : (shown?.detectedYear ?? year);
  const checkRows = (at: Step = 'mapping', chosenValues = values, recheck = false) => {
    if (!analysisJobId) return;
    const entries = Object.entries(currentMapping).flatMap(([column, field]) => (field ? [{ column: Number(column), field }] : []));
    startPreview.mutate(
      {
        analysisJobId,
        mapping: entries,
        ...(needsYear && shownYear !== null ? { year: shownYear } : {}),
        values: chosenValues,
        ...((kind === 'offers' || kind === 'demands') && programmeId !== null ? { programmeId } : {}),
        // Checked again, the rows are matched in the communes chosen for places the app could not read.
        ...(recheck ? { placeAnswers: placeAnswersOf(decisions) } : {}),
      },
      { onSuccess: ({ jobId }) => run(jobId, at, recheck), onError: (error) => setFailure(messageOf(error, t('common.unexpectedError'))) },
    );
  };
  const skipValues = useCallback(() => update({ step: 'preview' }), [update]);
  const write = (input: InputOf<'imports:commit'>) =>
    startCommit.mutate(input, { onSuccess: ({ jobId }) => run(jobId, 'preview'), onError: (error) => setFailure(messageOf(error, t('common.unexpectedError'))) });
  /**
   * Rows whose commune is still to choose are not written: the person leaves them out knowingly, or
   * goes back to choose. When they are all the commit would write, leaving them out would write
   * nothing, so only going back is offered.
   */
  const askAboutAwaiting = (awaiting: ImportAwaitingPlaces, input: InputOf<'imports:commit'>) => {
    const listed = awaiting.rows.join(', ');
    const rows =
      awaiting.count > awaiting.rows.length
        ? t('excel.import.awaitingPlaces.rowsMore', { rows: listed, count: awaiting.count - awaiting.rows.length })
        : t('excel.import.awaitingPlaces.rows', { rows: listed });
    const where = (
      <Text size="sm" c="dimmed">
        {t('excel.import.awaitingPlaces.where')}
      </Text>
    );
    if (awaiting.othersWritten === 0) {
      const id = modals.open({
        title: t('excel.import.awaitingPlaces.onlyTheseTitle'),
        size: 'lg',
        children: (
          <Stack gap="xs">
            <Text size="sm">{t('excel.import.awaitingPlaces.onlyThese', { sheet: awaiting.sheet, count: awaiting.count, rows })}</Text>
            {where}
            <Group justify="flex-end" mt="md">
              <Button onClick={() => modals.close(id)}>{t('excel.import.awaitingPlaces.goBack')}</Button>
            </Group>
          </Stack>
        ),
      });
      return;
    }
    modals.openConfirmModal({
      title: t('excel.import.awaitingPlaces.title'),
      size: 'lg',
      children: (
        <Stack gap="xs">
          <Text size="sm">{t('excel.import.awaitingPlaces.body', { sheet: awaiting.sheet, count: awaiting.count, rows })}</Text>
          {where}
        </Stack>
      ),
      labels: { confirm: t('excel.import.awaitingPlaces.leaveOut', { count: awaiting.count }), cancel: t('excel.import.awaitingPlaces.goBack') },
      onConfirm: () => write(input),
    });
  };
  const commit = () => {
    if (!previewJobId) return;
    const input = commitChoices(previewJobId, decisions);
    awaitingPlaces.mutate(input, {
      onSuccess: (awaiting) => (awaiting.count ? askAboutAwaiting(awaiting, input) : write(input)),
      onError: (error) => setFailure(messageOf(error, t('common.unexpectedError'))),
    });
  };
  const startOver = () => {
    setWizard(freshWizard(kind, year));
    setFailure(null);
  };
  // A job the backend no longer has (the app was restarted): say so; «Nhập tệp khác» starts again.
  const lostStep = analysis.error ?? summary.error;
  const shownFailure = failure ?? (lostStep ? messageOf(lostStep, t('common.unexpectedError')) : null);

  const active = steps.indexOf(step);
  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>{t('excel.import.title')}</Title>
        <Text c="dimmed" size="sm" maw={820}>
          {t('excel.import.intro', { fileTypes: t('excel.import.fileTypes') })}
        </Text>
      </div>
      <Paper withBorder p="md">
        <Stepper active={active} size="sm" allowNextStepsSelect={false} onStepClick={(index) => update({ step: steps[index] ?? 'file' })}>
          {steps.map((key, index) => (
            <Stepper.Step key={key} label={t(`excel.import.steps.${key}`)} allowStepSelect={index < active && running === null} />
          ))}
        </Stepper>
        <Stack mt="lg">
          {step === 'file' ? (
            <ChooseFileStep
              kind={kind}
              programmeId={programmeId}
              onKindChange={(chosen) => update({ kind: chosen })}
              onProgrammeChange={(chosen) => update({ programmeId: chosen })}
              onStarted={(id, jobId) => {
                update({ fileId: id });
                run(jobId, 'file');
              }}
            />
          ) : null}
          {step === 'sheet' && shown ? <SheetStep analysis={shown} onSheetChange={changeSheet} /> : null}
          {step === 'mapping' && shown ? (
            <MappingStep
              analysis={shown}
              mapping={currentMapping}
              onChange={(changed) => update({ mapping: changed })}
              missing={missing}
              yearAsked={needsYear}
              year={shownYear}
              onYearChange={(chosen) => {
                setYearUnreadable(chosen === null);
                if (chosen !== null) update({ year: chosen, yearChosen: true });
              }}
            />
          ) : null}
          {step === 'values' && previewJobId ? (
            <ValuesStep
              previewJobId={previewJobId}
              running={running !== null}
              onNothingToMap={skipValues}
              onAccept={skipValues}
              onChange={(chosen) => {
                update({ values: chosen });
                checkRows('values', chosen);
              }}
            />
          ) : null}
          {step === 'preview' && previewJobId ? <PreviewStep jobId={previewJobId} decisions={decisions} onDecisionsChange={(changed) => update({ decisions: changed })} /> : null}
          {step === 'commit' && commitJobId && summary.data && shown ? <ResultStep commitJobId={commitJobId} fileName={shown.fileName} summary={summary.data} /> : null}

          {running ? <JobProgress key={running.jobId} jobId={running.jobId} onEnded={onEnded} /> : null}
          {shownFailure ? (
            <Alert color="red" role="alert">
              <Stack gap="xs" align="flex-start">
                <div>{shownFailure}</div>
                {registerChanged && step === 'preview' && running === null ? (
                  <Button size="xs" variant="white" color="red" loading={startPreview.isPending} onClick={() => checkRows('preview', values, true)}>
                    {t('excel.import.recheck')}
                  </Button>
                ) : null}
              </Stack>
            </Alert>
          ) : null}

          {running === null ? (
            <Group>
              {step === 'sheet' ? <Button onClick={() => update({ step: 'mapping' })}>{t('excel.import.next')}</Button> : null}
              {step === 'mapping' ? (
                <Button disabled={missing.length > 0 || (needsYear && (yearUnreadable || shownYear === null))} loading={startPreview.isPending} onClick={() => checkRows()}>
                  {t('excel.import.checkRows')}
                </Button>
              ) : null}
              {step === 'preview' ? (
                <Button loading={awaitingPlaces.isPending || startCommit.isPending} onClick={commit}>
                  {t('excel.import.commit')}
                </Button>
              ) : null}
              {step !== 'file' ? (
                <Button variant="default" onClick={startOver}>
                  {t('excel.import.startOver')}
                </Button>
              ) : null}
            </Group>
          ) : null}
        </Stack>
      </Paper>
      <ImportBatches />
    </Stack>
  );
}
