/**
 * "Dán danh sách ký tên": names pasted from the paper sign-in sheet are matched against the
 * participants by the backend; the person sees what matched and who signed, chooses where a line
 * could be several or only resembles a participant's name, or was found only with a typo forgiven
 * («Gần đúng», never chosen for them), sees which members or partners signed without having been invited (added, Có mặt, unless the person unticks them) and which of those
 * cannot be added (ended by the event's day, or in the trash: shown unticked, saying why) — an
 * invited participant that had ended by the event's day as well — sees in
 * red what matched nothing, and only then records the attendance.
 */
import { useState } from 'react';
import { Alert, Badge, Button, Checkbox, Group, List, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { REPRESENTATIVE_MAX, type EventDetail, type SignInLine, type SignInNewcomer } from '../../../../shared/contract';
import type { FieldIssue } from '../../../../shared/errors';
import { formatCount, formatDate } from '../../../../shared/format';
import { ApiError, messageOf } from '../../api';
import { useMarkAttendance, useMatchSignIn } from '../../queries/events';

interface SignInDialogProps {
  event: EventDetail;
  onDone: () => void;
}

export function SignInDialog({ event, onDone }: SignInDialogProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [lines, setLines] = useState<SignInLine[] | null>(null);
  /** The participant chosen for each ambiguous line, by the line's index. */
  const [choices, setChoices] = useState<Record<number, number>>({});
  /**
   * The unit to add for each line that names one not invited (`newcomerKey`), by the line's index;
   * null when the person leaves it out. A line of one such unit adds it unless unticked.
   */
  const [joining, setJoining] = useState<Record<number, string | null>>({});
  const [markRestAbsent, setMarkRestAbsent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** Why recording refused a line's unit (ended or trashed since the sheet was matched), by the line's index. */
  const [refusals, setRefusals] = useState<Record<number, string>>({});
  const match = useMatchSignIn();
  const mark = useMarkAttendance();

  const readSheet = async () => {
    setError(null);
    if (text.trim() === '') {
      setError(t('events.signIn.nothing'));
      return;
    }
    try {
      setLines(await match.mutateAsync({ eventId: event.id, text }));
      setChoices({});
      setJoining({});
      setRefusals({});
    } catch (failure) {
      setError(messageOf(failure, t('common.unexpectedError')));
    }
  };

  if (lines === null) {
    return (
      <Stack>
        <Text size="sm">{t('events.signIn.intro')}</Text>
        <Textarea
          label={t('events.signIn.text')}
          placeholder={t('events.signIn.textPlaceholder')}
          rows={10}
          value={text}
          onChange={(change) => setText(change.currentTarget.value)}
          error={error}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button loading={match.isPending} onClick={() => void readSheet()}>
            {t('events.signIn.match')}
          </Button>
        </Group>
      </Stack>
    );
  }

  /** Participants that had ended by the event's first day: kept in place, ticked only by the person. */
  const endedBefore = new Map(event.participants.flatMap((participant) => (participant.ended?.beforeEvent ? [[participant.id, participant.ended] as const] : [])));
  /** Why a participant cannot be present, as the picker says a unit's end: «Đã giải thể từ 30/09/2026». */
  const endedNote = (participantId: number | undefined) => {
    const ended = participantId === undefined ? undefined : endedBefore.get(participantId);
    return ended && t('events.picker.endedOn', { status: t(`organization.status.${ended.status}`), date: formatDate(ended.endedOn) });
  };
  /**
   * Participants whose unit is in the Thùng rác: listed on the event and counted in no number, so
   * the sheet ticks them neither present nor absent; the person restores the unit first.
   */
  const inTrash = new Set(event.participants.flatMap((participant) => (participant.inTrash ? [participant.id] : [])));
  /** Each line's participant: the one it matched (unless it had ended: then as ticked), or the one chosen among its candidates. */
  const chosen = lines.map((line, index) => {
    const matched = line.result === 'matched' ? line.candidates[0]?.participantId : undefined;
    if (matched !== undefined && inTrash.has(matched)) return undefined;
    return matched !== undefined && !endedBefore.has(matched) ? matched : choices[index];
  });
  const attendedIds = [...new Set(chosen.filter((id): id is number => id !== undefined))];
  const absentIds = markRestAbsent ? event.participants.map((item) => item.id).filter((id) => !attendedIds.includes(id) && !inTrash.has(id)) : [];
  const unmatched = lines.filter((line) => line.result === 'unmatched');
  /** Lines naming a participant that had ended by the event's day: said at the line, unticked. */
  const endedLines = lines.filter((line) => line.result === 'matched' && endedBefore.has(line.candidates[0]?.participantId ?? 0)).length;
  /** Lines naming a participant whose unit is in the Thùng rác: said at the line, unticked. */
  const trashedLines = lines.filter((line) => line.result === 'matched' && inTrash.has(line.candidates[0]?.participantId ?? 0)).length;
  const skipped = lines.filter((line) => line.result === 'skipped');
  /**
   * Lines that record nothing until the person chooses: a participant among several, or a unit of
   * the register among several or found with a typo forgiven (one the person cleared is theirs to leave out).
   */
  const unchosen = lines.filter((line, index) =>
    line.result === 'ambiguous'
      ? choices[index] === undefined
      : line.result === 'newcomer' && (addableOf(line).length > 1 || line.nearMatch) && !(index in joining),
  );
  const counted = (result: SignInLine['result']) => lines.filter((line) => line.result === result).length - (result === 'matched' ? endedLines + trashedLines : 0);
  /** Lines naming units of the register only none of which can be added. */
  const barredLines = lines.filter((line) => line.result === 'newcomer' && addableOf(line).length === 0).length;
  const joiningOf = (line: SignInLine, index: number): SignInNewcomer | undefined => {
    const addable = addableOf(line);
    // A unit found with a typo forgiven is the person's to tick.
    const key = index in joining ? joining[index] : addable.length === 1 && !line.nearMatch ? newcomerKey(addable[0]) : null;
    return addable.find((unit) => newcomerKey(unit) === key);
  };
  /** The unit each line records, told apart as `participantKey` and `newcomerKey` tell them; '' for none. */
  const unitKeys = lines.map((line, index) => {
    const id = chosen[index];
    if (id !== undefined) return participantKey(id);
    return line.result === 'newcomer' ? newcomerKey(joiningOf(line, index)) : '';
  });
  /** The first line that records each line's unit: another line above it when two people of one unit signed. */
  const firstLineOfUnit = unitKeys.map((key) => (key === '' ? undefined : lines[unitKeys.indexOf(key)]));
  /** Who signed for a unit: every line's signer, each once, so that neither of two lines of one unit is lost. */
  const signerListOf = (key: string) => [...new Set(lines.flatMap((line, index) => (unitKeys[index] === key && line.representative ? [line.representative] : [])))];
  const signersOf = (key: string) => signerListOf(key).join(', ');
  /**
   * The units whose signers, written out, are more than «Người đại diện» holds: said at their first
   * line, and nothing is recorded until the person keeps fewer, since cutting names is theirs to do.
   */
  const overfull = new Set(unitKeys.filter((key) => key !== '' && signersOf(key).length > REPRESENTATIVE_MAX));
  const representatives = attendedIds.flatMap((id) => {
    const representative = signersOf(participantKey(id));
    return representative ? [{ id, representative }] : [];
  });
  /** The units to add, each with the line it is recorded from. */
  const joiningLines = lines.flatMap((line, index) => {
    const unit = line.result === 'newcomer' && firstLineOfUnit[index] === line ? joiningOf(line, index) : undefined;
    return unit ? [{ index, unit: { kind: unit.kind, id: unit.id, representative: signersOf(newcomerKey(unit)) } }] : [];
  });
  const newcomers = joiningLines.map(({ unit }) => unit);
  const join = (index: number, key: string | null) => setJoining((current) => ({ ...current, [index]: key }));
  /**
   * What a line naming units of the register offers: the one unit that can be added, ticked, or a
   * choice among several; then each that cannot, unticked for good, saying why.
   */
  const newcomerCell = (line: SignInLine, index: number) => {
    const addable = addableOf(line);
    const [only] = addable;
    return (
      <Stack gap="xs">
        {addable.length === 1 && only ? (
          <Checkbox
            label={t('events.signIn.addNewcomer', { name: newcomerLabel(only) })}
            description={t(line.nearMatch ? 'events.signIn.nearNewcomer' : 'events.signIn.notInvited')}
            checked={joiningOf(line, index) !== undefined}
            onChange={(change) => join(index, change.currentTarget.checked ? newcomerKey(only) : null)}
          />
        ) : (
          addable.length > 1 && (
            <Select
              size="xs"
              aria-label={t('events.signIn.chooseNewcomerLabel', { line: line.line })}
              placeholder={t('events.signIn.chooseNewcomer')}
              description={t(line.nearMatch ? 'events.signIn.nearNewcomer' : 'events.signIn.notInvited')}
              clearable
              data={addable.map((unit) => ({ value: newcomerKey(unit), label: newcomerLabel(unit) }))}
              value={newcomerKey(joiningOf(line, index)) || null}
              onChange={(value) => join(index, value)}
            />
          )
        )}
        {line.newcomers.map(
          ({ barred, ...unit }) =>
            barred && (
              <Checkbox
                key={newcomerKey(unit)}
                disabled
                checked={false}
                onChange={() => undefined}
                label={t('events.signIn.addNewcomer', { name: newcomerLabel(unit) })}
                description={
                  <Text span size="xs" c="orange.8">
                    {t('events.signIn.barred', {
                      number: line.lineNumber,
                      why:
                        barred.reason === 'trash'
                          ? t('events.signIn.inTrash')
                          : t('events.picker.endedOn', { status: t(`organization.status.${barred.status}`), date: formatDate(barred.endedOn) }),
                    })}
                  </Text>
                }
              />
            ),
        )}
      </Stack>
    );
  };
  const refused = Object.entries(refusals).flatMap(([index, message]) => {
    const line = lines[Number(index)];
    return line ? [t('events.signIn.refusedLine', { number: line.lineNumber, line: line.line, message })] : [];
  });

  const confirm = async () => {
    setError(null);
    setRefusals({});
    try {
      const marked = await mark.mutateAsync({ eventId: event.id, attendedIds, absentIds, representatives, newcomers });
      notifications.show({ color: 'teal', message: t(marked.added ? 'events.attendance.markedAdded' : 'events.attendance.marked', { ...marked }) });
      onDone();
    } catch (failure) {
      // A unit to add refused (ended or trashed since the sheet was matched): said at its line.
      const byLine = failure instanceof ApiError && failure.error.kind === 'validation' ? refusalsByLine(failure.error.issues, joiningLines) : {};
      if (Object.keys(byLine).length > 0) setRefusals(byLine);
      else setError(messageOf(failure, t('common.unexpectedError')));
    }
  };

  return (
    <Stack>
      <Group gap="xs">
        <Badge color="teal" variant="light" tt="none">
          {t('events.signIn.matchedCount', { count: counted('matched') })}
        </Badge>
        {counted('ambiguous') > 0 && (
          <Badge color="yellow" variant="light" tt="none">
            {t('events.signIn.ambiguousCount', { count: counted('ambiguous') })}
          </Badge>
        )}
        {counted('newcomer') > barredLines && (
          <Badge color="blue" variant="light" tt="none">
            {t('events.signIn.newcomerCount', { count: counted('newcomer') - barredLines })}
          </Badge>
        )}
        {endedLines > 0 && (
          <Badge color="orange" variant="light" tt="none">
            {t('events.signIn.endedCount', { count: endedLines })}
          </Badge>
        )}
        {trashedLines > 0 && (
          <Badge color="orange" variant="light" tt="none">
            {t('events.signIn.trashedCount', { count: trashedLines })}
          </Badge>
        )}
        {barredLines > 0 && (
          <Badge color="orange" variant="light" tt="none">
            {t('events.signIn.barredCount', { count: barredLines })}
          </Badge>
        )}
        {unmatched.length > 0 && (
          <Badge color="red" variant="light" tt="none">
            {t('events.signIn.unmatchedCount', { count: unmatched.length })}
          </Badge>
        )}
        {skipped.length > 0 && (
          <Badge color="gray" variant="light" tt="none">
            {t('events.signIn.skippedCount', { count: skipped.length })}
          </Badge>
        )}
      </Group>

      <Table withTableBorder verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('events.signIn.line')}</Table.Th>
            <Table.Th>{t('events.signIn.participant')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line, index) =>
            line.result === 'unmatched' || line.result === 'skipped' ? null : (
              <Table.Tr key={index}>
                <Table.Td>
                  <Text size="sm">{line.line}</Text>
                  {line.representative && (
                    <Text size="xs" c="dimmed">
                      {t('events.signIn.signedBy', { name: line.representative })}
                    </Text>
                  )}
                  {firstLineOfUnit[index] && firstLineOfUnit[index] !== line && (
                    <Text size="xs" c="orange.8">
                      {t('events.signIn.sameUnit', { line: firstLineOfUnit[index].line })}
                    </Text>
                  )}
                  {refusals[index] && (
                    <Text size="xs" c="red.8">
                      {refusals[index]}
                    </Text>
                  )}
                  {firstLineOfUnit[index] === line && overfull.has(unitKeys[index] ?? '') && (
                    <Text size="xs" c="red.8">
                      {t('events.signIn.tooManySigners', {
                        count: signerListOf(unitKeys[index] ?? '').length,
                        length: formatCount(signersOf(unitKeys[index] ?? '').length),
                        max: formatCount(REPRESENTATIVE_MAX),
                      })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {line.nearMatch && (
                    <Badge size="xs" variant="light" color="gray" tt="none" mb={4} title={t('members.nearMatchHint')}>
                      {t('members.nearMatch')}
                    </Badge>
                  )}
                  {line.result === 'matched' && inTrash.has(line.candidates[0]?.participantId ?? 0) ? (
                    <Checkbox
                      disabled
                      checked={false}
                      onChange={() => undefined}
                      label={line.candidates[0]?.name}
                      description={
                        <Text span size="xs" c="orange.8">
                          {t('events.signIn.trashedParticipant', { number: line.lineNumber })}
                        </Text>
                      }
                    />
                  ) : line.result === 'matched' && endedNote(line.candidates[0]?.participantId) ? (
                    <Checkbox
                      checked={choices[index] !== undefined}
                      onChange={(change) => {
                        const { checked } = change.currentTarget;
                        setChoices((current) => {
                          const { [index]: _previous, ...rest } = current;
                          const participantId = line.candidates[0]?.participantId;
                          return checked && participantId !== undefined ? { ...rest, [index]: participantId } : rest;
                        });
                      }}
                      label={line.candidates[0]?.name}
                      description={
                        <Text span size="xs" c="orange.8">
                          {t('events.signIn.endedParticipant', { number: line.lineNumber, why: endedNote(line.candidates[0]?.participantId) })}
                        </Text>
                      }
                    />
                  ) : line.result === 'matched' ? (
                    <Group gap={6} wrap="nowrap">
                      <IconCheck size={16} color="var(--mantine-color-teal-7)" style={{ flexShrink: 0 }} aria-hidden />
                      <Text size="sm">{line.candidates[0]?.name}</Text>
                    </Group>
                  ) : line.result === 'newcomer' ? (
                    newcomerCell(line, index)
                  ) : (
                    <Select
                      size="xs"
                      aria-label={t('events.signIn.chooseLabel', { line: line.line })}
                      placeholder={t('events.signIn.choose')}
                      // One participant to choose: the line only resembles its name (several answer to an ambiguous one).
                      description={line.candidates.length === 1 ? t('events.signIn.resembles', { name: line.candidates[0]?.name }) : undefined}
                      clearable
                      data={line.candidates.map((candidate) => {
                        const value = String(candidate.participantId);
                        if (inTrash.has(candidate.participantId)) return { value, label: `${candidate.name} (${t('events.signIn.inTrash')})`, disabled: true };
                        const ended = endedNote(candidate.participantId);
                        return { value, label: ended ? `${candidate.name} (${ended})` : candidate.name };
                      })}
                      value={choices[index] === undefined ? null : String(choices[index])}
                      onChange={(value) =>
                        setChoices((current) => {
                          const { [index]: _previous, ...rest } = current;
                          return value === null ? rest : { ...rest, [index]: Number(value) };
                        })
                      }
                      error={choices[index] === undefined}
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            ),
          )}
        </Table.Tbody>
      </Table>
      {skipped.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('events.signIn.skipped', { lines: skipped.map((line) => `«${line.line}»`).join(', ') })}
        </Text>
      )}

      {unmatched.length > 0 && (
        <Alert color="red" icon={<IconAlertTriangle />} title={t('events.signIn.unmatchedTitle')}>
          <List size="sm" c="red.8">
            {unmatched.map((line, index) => (
              <List.Item key={index}>{line.line}</List.Item>
            ))}
          </List>
          <Text size="xs" mt="xs">
            {t('events.signIn.unmatchedHint')}
          </Text>
        </Alert>
      )}

      <Checkbox
        label={t('events.signIn.markRest')}
        checked={markRestAbsent}
        onChange={(change) => setMarkRestAbsent(change.currentTarget.checked)}
      />
      {unchosen.length > 0 && (
        <Alert color="yellow" icon={<IconAlertTriangle />} title={t('events.signIn.unchosenTitle', { count: unchosen.length })}>
          <List size="sm">
            {unchosen.map((line, index) => (
              <List.Item key={index}>{line.line}</List.Item>
            ))}
          </List>
          <Text size="xs" mt="xs">
            {t('events.signIn.unchosenHint')}
          </Text>
        </Alert>
      )}
      {overfull.size > 0 && (
        <Alert color="red" icon={<IconAlertTriangle />} title={t('events.signIn.tooManyTitle', { count: overfull.size })}>
          <Text size="xs">{t('events.signIn.tooManyHint')}</Text>
        </Alert>
      )}
      {refused.length > 0 && (
        <Alert color="red" icon={<IconAlertTriangle />} title={t('events.signIn.refusedTitle', { count: refused.length })}>
          <List size="sm">
            {refused.map((message) => (
              <List.Item key={message}>{message}</List.Item>
            ))}
          </List>
          <Text size="xs" mt="xs">
            {t('events.signIn.refusedHint')}
          </Text>
        </Alert>
      )}
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Group justify="space-between">
        <Button variant="subtle" onClick={() => setLines(null)}>
          {t('events.signIn.back')}
        </Button>
        <Group gap="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={overfull.size > 0 || (attendedIds.length + newcomers.length === 0 && absentIds.length === 0)}
            loading={mark.isPending}
            onClick={() => void confirm()}
          >
            {t('events.signIn.confirm', { count: attendedIds.length + newcomers.length })}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}

/** How a participant is told from the units of the register (`newcomerKey`) when lines are compared. */
function participantKey(id: number): string {
  return `participant:${String(id)}`;
}

/** How a unit of the register is told in the dialog's state and its choices. */
function newcomerKey(unit: SignInNewcomer | undefined): string {
  return unit ? `${unit.kind}:${String(unit.id)}` : '';
}

/** The units of the register a line names that can be added: not ended by the event's day, not in the trash. */
function addableOf(line: SignInLine): SignInNewcomer[] {
  return line.newcomers.filter((unit) => unit.barred === undefined);
}

/** The core's refusals of units to add («newcomers.N.id»), each at the index of the line it is recorded from. */
function refusalsByLine(issues: readonly FieldIssue[], joining: readonly { index: number }[]): Record<number, string> {
  const byLine: Record<number, string> = {};
  for (const issue of issues) {
    const at = /^newcomers\.(\d+)\./.exec(issue.path)?.[1];
    const line = at === undefined ? undefined : joining[Number(at)];
    if (line) byLine[line.index] = issue.message;
  }
  return byLine;
}

/** A unit with its place, to tell two of one name apart. */
function newcomerLabel(unit: SignInNewcomer): string {
  return unit.place ? `${unit.name} (${unit.place})` : unit.name;
}
