/**
 * Saving a member organization or a partner that may already be recorded: both forms share the
 * duplicate check, so each case is driven through the form a person would use for it.
 */
import type { ReactElement } from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders, createQueryClient } from '../../src/renderer/src/AppProviders';
import { OrganizationForm } from '../../src/renderer/src/components/OrganizationForm';
import { PartnerForm } from '../../src/renderer/src/pages/partners/PartnerForm';
import type { InputOf, Lookups } from '../../src/shared/contract';
import type { AppError, Result, SimilarRecord } from '../../src/shared/errors';
import { communes, fail, installFakeApi, ok, organization, partner, provinces, type FakeHandlers } from './fakeApi';
import { choose } from './select';

const lookups: Lookups = { sectors: [], sizeClasses: [], certificationKinds: [], minimumMembers: { htx: 5, lhhtx: 3, tht: 0, qtdnd: 0 } };

function renderForm(form: ReactElement) {
  return render(
    <AppProviders queryClient={createQueryClient()} env="test">
      {form}
    </AppProviders>,
  );
}

/** The alert that carries the backend's message (the duplicate warning above it is an alert too). */
async function conflictNotice(message: string | RegExp): Promise<HTMLElement> {
  return (await screen.findByText(message)).closest<HTMLElement>('[role="alert"]') as HTMLElement;
}

/** A create channel that refuses until `confirmedIn` says the input confirms, and keeps what it was sent. */
function refusedUntilConfirmed<Input, Saved>(refusal: () => AppError, confirmedIn: (input: Input) => boolean, saved: (input: Input) => Saved) {
  const sent: Input[] = [];
  const create = (input: Input): Result<Saved> => {
    sent.push(input);
    return confirmedIn(input) ? ok(saved(input)) : fail(refusal());
  };
  return { sent, create };
}

/** The backend's rule for possible duplicates: refused until every one it lists is confirmed by id. */
function refusedUntilEverySimilarConfirmed<Input extends { confirmedSimilarIds?: number[] }, Saved>(message: () => string, similar: () => SimilarRecord[], saved: (input: Input) => Saved) {
  return refusedUntilConfirmed(
    () => ({ kind: 'conflict', message: message(), existingId: similar()[0]?.id, similar: similar() }),
    (input: Input) => similar().every((record) => input.confirmedSimilarIds?.includes(record.id)),
    saved,
  );
}

const savedOrganization = (input: InputOf<'organizations:create'>) => organization({ id: 31, name: input.name });

beforeEach(() => sessionStorage.clear());

describe('saving a member organization that may already be recorded', () => {
  const similarName = 'Đã có tổ chức tên gần giống ở xã Tân Hồng: HTX Dịch vụ nông nghiệp Tân Hồng. Nếu đúng là tổ chức khác, hãy xác nhận để lưu.';
  const takenNumber = 'Mã số HTX 1400123456 đã có: HTX Nông nghiệp Mỹ Hiệp (xã Mỹ Hiệp).';

  function install(handlers: FakeHandlers) {
    return installFakeApi({
      'lookups:get': () => ok(lookups),
      'places:communes': () => ok(communes),
      'organizations:checkDuplicates': () => ok([]),
      ...handlers,
    });
  }

  async function fillAndSave(registrationNo = '') {
    const onSaved = vi.fn();
    renderForm(<OrganizationForm provinceCode="82" onSaved={onSaved} onCancel={() => undefined} />);
    await choose(await screen.findByLabelText(/^Loại hình/), '', 'Hợp tác xã (HTX)');
    fireEvent.change(screen.getByLabelText(/^Tên tổ chức/), { target: { value: 'HTX DV Nông nghiệp Tân Hồng' } });
    fireEvent.change(screen.getByLabelText(/^Mã số HTX \(mã số thuế\)/), { target: { value: registrationNo } });
    await choose(screen.getByLabelText(/^Xã, phường/), 'tan hong', 'Xã Tân Hồng');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu tổ chức' }));
    return onSaved;
  }

  it('names the similar organization while typing and on save, and saves with the confirmation on «Vẫn lưu»', async () => {
    const { sent, create } = refusedUntilEverySimilarConfirmed(
      () => similarName,
      () => [{ id: 30, name: 'HTX Dịch vụ nông nghiệp Tân Hồng', detail: 'Xã Tân Hồng, chưa có Mã số HTX' }],
      savedOrganization,
    );
    install({
      'organizations:checkDuplicates': () => ok([{ id: 30, name: 'HTX Dịch vụ nông nghiệp Tân Hồng', detail: 'Ấp Gò Da, Xã Tân Hồng, Mã số HTX 1400654321, đã giải thể', reason: 'sameName' }]),
      'organizations:create': create,
    });
    const onSaved = await fillAndSave();

    const notice = await conflictNotice(similarName);
    expect(within(notice).getByRole('link', { name: 'Xem hồ sơ đó' }).getAttribute('href')).toBe('#/thanh-vien/30');
    // Asked once typing pauses (400 ms), which a busy test machine stretches.
    const warning = await screen.findByText('Có thể đã có tổ chức này trong danh sách', {}, { timeout: 5000 });
    const candidate = within(warning.closest<HTMLElement>('[role="alert"]') as HTMLElement).getByRole('link', { name: 'HTX Dịch vụ nông nghiệp Tân Hồng' });
    expect(candidate.getAttribute('href')).toBe('#/thanh-vien/30');
    expect(screen.getByText('(Ấp Gò Da, Xã Tân Hồng, Mã số HTX 1400654321, đã giải thể) — tên gần giống, cùng xã, phường')).toBeTruthy();
    expect(onSaved).not.toHaveBeenCalled();

    fireEvent.click(within(notice).getByRole('button', { name: 'Vẫn lưu' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ id: 31, name: 'HTX DV Nông nghiệp Tân Hồng' })));
    expect(sent.map((input) => input.confirmedSimilarIds)).toEqual([undefined, [30]]);
    expect(sent[1]).toMatchObject({ kind: 'htx', name: 'HTX DV Nông nghiệp Tân Hồng', communeCode: '28789' });
    expect(screen.queryByText(similarName)).toBeNull();
  });

  it('offers no «Vẫn lưu» for a taken Mã số HTX, only the way to the organization that has it', async () => {
    install({
      // The check while typing is down: the conflict itself says it lists no similar names.
      'organizations:checkDuplicates': () => fail({ kind: 'internal', message: 'Không đọc được dữ liệu.' }),
      'organizations:create': () => fail({ kind: 'conflict', message: takenNumber, existingId: 7 }),
    });
    const onSaved = await fillAndSave('1400 123456');

    const notice = await conflictNotice(takenNumber);
    expect(within(notice).getByRole('link', { name: 'Mở hồ sơ đó' }).getAttribute('href')).toBe('#/thanh-vien/7');
    expect(within(notice).queryByRole('button', { name: 'Vẫn lưu' })).toBeNull();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('links every similar organization with what tells it apart, confirms those shown, and asks again about one added since', async () => {
    // Two named exactly alike: their Mã số HTX and status tell them apart.
    const first: SimilarRecord[] = [
      { id: 30, name: 'HTX Dịch vụ nông nghiệp Tân Hồng', detail: 'Xã Tân Hồng, Mã số HTX 1400123456' },
      { id: 32, name: 'HTX Dịch vụ nông nghiệp Tân Hồng', detail: 'Xã Tân Hồng, chưa có Mã số HTX, đã giải thể' },
    ];
    let similar = first;
    const message = () => `Đã có ${String(similar.length)} tổ chức tên gần giống ở xã Tân Hồng: ${similar.map((record) => record.name).join(', ')}.`;
    const { sent, create } = refusedUntilEverySimilarConfirmed(message, () => similar, savedOrganization);
    install({ 'organizations:create': create });
    const onSaved = await fillAndSave();

    const notice = await conflictNotice(message());
    expect(within(notice).getAllByRole('listitem').map((item) => [item.textContent, within(item).getByRole('link').getAttribute('href')])).toEqual([
      ['HTX Dịch vụ nông nghiệp Tân Hồng (Xã Tân Hồng, Mã số HTX 1400123456)', '#/thanh-vien/30'],
      ['HTX Dịch vụ nông nghiệp Tân Hồng (Xã Tân Hồng, chưa có Mã số HTX, đã giải thể)', '#/thanh-vien/32'],
    ]);

    // Another office entered a third meanwhile: the person's «Vẫn lưu» did not cover it.
    similar = [...first, { id: 40, name: 'HTX Dịch Vụ Nông Nghiệp Tân Hồng', detail: 'Xã Tân Hồng, chưa có Mã số HTX' }];
    fireEvent.click(within(notice).getByRole('button', { name: 'Vẫn lưu' }));
    const again = await conflictNotice(message());
    expect(within(again).getAllByRole('link')).toHaveLength(3);
    expect(onSaved).not.toHaveBeenCalled();

    fireEvent.click(within(again).getByRole('button', { name: 'Vẫn lưu' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(sent.map((input) => input.confirmedSimilarIds)).toEqual([undefined, [30, 32], [30, 32, 40]]);
  });

  it('puts the backend’s objection to the Mã số HTX on that field, and the rest under the form', async () => {
    install({
      'organizations:create': () =>
        fail({
          kind: 'validation',
          message: 'Mã số HTX gồm 10 chữ số. Năm thành lập không hợp lệ.',
          issues: [
            { path: 'registrationNo', message: 'Mã số HTX gồm 10 chữ số, có thể thêm -xxx cho chi nhánh.' },
            { path: 'founding.year', message: 'Năm thành lập không hợp lệ.' },
          ],
        }),
    });
    await fillAndSave('1400123456');

    const message = await screen.findByText('Mã số HTX gồm 10 chữ số, có thể thêm -xxx cho chi nhánh.');
    const field = screen.getByLabelText(/^Mã số HTX \(mã số thuế\)/);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toContain(message.id);
    expect(screen.getByText('Năm thành lập không hợp lệ.')).toBeTruthy();
    expect(screen.getByLabelText(/^Tên tổ chức/).getAttribute('aria-invalid')).toBeNull();
  });
});

describe('saving a partner that may already be recorded', () => {
  const similarName = 'Đã có đối tác tên gần giống ở Hà Nội: Công ty CP Thực phẩm Hà Nội. Nếu đúng là đối tác khác, hãy xác nhận để lưu.';
  const saved = partner({ id: 14, name: 'CTCP Thực phẩm Hà Nội' });

  async function fillAndSave() {
    const onSaved = vi.fn();
    renderForm(<PartnerForm defaultProvinceCode="01" onSaved={onSaved} onCancel={() => undefined} />);
    await choose(await screen.findByLabelText(/^Loại đối tác/), '', 'Doanh nghiệp');
    fireEvent.change(screen.getByLabelText(/^Tên đối tác/), { target: { value: 'CTCP Thực phẩm Hà Nội' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu đối tác' }));
    return onSaved;
  }

  const listed: SimilarRecord[] = [{ id: 3, name: 'Công ty CP Thực phẩm Hà Nội', detail: '25 Trần Hưng Đạo, phường Hoàn Kiếm, mã số thuế 0101234567' }];

  it('shows the similar partner with a link to it, and re-submits confirming it on «Vẫn lưu»', async () => {
    const { sent, create } = refusedUntilEverySimilarConfirmed(
      () => similarName,
      () => listed,
      (_input: InputOf<'partners:create'>) => saved,
    );
    installFakeApi({
      'places:provinces': () => ok(provinces),
      'partners:checkDuplicates': () => ok([{ id: 3, name: 'Công ty CP Thực phẩm Hà Nội', detail: 'Thành phố Hà Nội, mã số thuế 0101234567', reason: 'sameName' }]),
      'partners:create': create,
    });
    const onSaved = await fillAndSave();

    const notice = await conflictNotice(similarName);
    expect(within(notice).getByRole('link', { name: 'Xem đối tác đã có' }).getAttribute('href')).toBe('#/doi-tac/3');
    fireEvent.click(within(notice).getByRole('button', { name: 'Vẫn lưu' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved));
    expect(sent.map((input) => input.confirmedSimilarIds)).toEqual([undefined, [3]]);
    expect(sent[1]).toMatchObject({ kind: 'enterprise', name: 'CTCP Thực phẩm Hà Nội', provinceCode: '01' });
  });

  it('takes a conflict listing a similar name when the check cannot be asked; a tax code taken lists none and cannot be confirmed', async () => {
    let refusal: AppError = { kind: 'conflict', message: similarName, existingId: 3, similar: listed };
    installFakeApi({
      'places:provinces': () => ok(provinces),
      'partners:checkDuplicates': () => fail({ kind: 'internal', message: 'Không đọc được dữ liệu.' }),
      'partners:create': () => fail(refusal),
    });
    await fillAndSave();

    const notice = await conflictNotice(similarName);
    expect(within(notice).getByRole('button', { name: 'Vẫn lưu' })).toBeTruthy();
    expect(within(notice).getByRole('link', { name: 'Xem đối tác đã có' })).toBeTruthy();

    const taken = 'Mã số thuế 0101234567 đã có: Công ty CP Thực phẩm Hà Nội (Thành phố Hà Nội).';
    refusal = { kind: 'conflict', message: taken, existingId: 3 };
    fireEvent.click(screen.getByRole('button', { name: 'Lưu đối tác' }));
    const refused = await conflictNotice(taken);
    expect(within(refused).queryByRole('button', { name: 'Vẫn lưu' })).toBeNull();
    expect(within(refused).getByRole('link', { name: 'Mở hồ sơ đó' })).toBeTruthy();
  });
});
