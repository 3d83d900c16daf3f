/**
 * Adds or changes one certification, of a product or of the organization as a whole. Stars are
 * asked only for kinds that have them (OCOP), as the lookup of certification kinds says.
 */
import { Input, Rating, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Certification, Product } from '../../../../../shared/contract';
import { isIsoDate } from '../../../../../shared/typed';
import { LabelledSelect } from '../../../components/LabelledSelect';
import { useFormSave } from '../../../forms/oneSave';
import { useLookups, useSaveCertification } from '../../../queries/register';
import { DateField } from '../../../components/DateField';
import { FormFooter } from '../../../components/FormFooter';

interface FormValues {
  productId: string | null;
  kindCode: string | null;
  stars: number;
  number: string;
  issuer: string;
  issuedOn: string | null;
  expiresOn: string | null;
}

interface CertificationFormProps {
  organizationId: number;
  products: Product[];
  existing?: Certification;
  /** For a new certification: the product it is for, or null for the organization as a whole. */
  productId?: number | null;
  onDone: () => void;
}

export function CertificationForm({ organizationId, products, existing, productId = null, onDone }: CertificationFormProps) {
  const { t } = useTranslation();
  const lookups = useLookups();
  const save = useSaveCertification();
  const form = useForm<FormValues>({
    mode: 'controlled',
    initialValues: {
      productId: String(existing ? (existing.productId ?? '') : (productId ?? '')) || null,
      kindCode: existing?.kindCode ?? null,
      stars: existing?.stars ?? 0,
      number: existing?.number ?? '',
      issuer: existing?.issuer ?? '',
      issuedOn: existing?.issuedOn ?? null,
      expiresOn: existing?.expiresOn ?? null,
    },
    validate: {
      kindCode: (value) => (value ? null : t('figures.products.cert.kindRequired')),
      stars: (value, values) => (hasStarsFor(values.kindCode) && value === 0 ? t('figures.products.cert.starsRequired') : null),
      // Dates the box could not read reach the form as their text; the field says why.
      issuedOn: (value) => (value === null || isIsoDate(value) ? null : t('fields.unreadable')),
      expiresOn: (value) => (value === null || isIsoDate(value) ? null : t('fields.unreadable')),
    },
  });
  const kinds = lookups.data?.certificationKinds ?? [];
  function hasStarsFor(kindCode: string | null): boolean {
    return kinds.find((kind) => kind.code === kindCode)?.hasStars ?? false;
  }
  const hasStars = hasStarsFor(form.values.kindCode);

  const { submit, saving, formError } = useFormSave({
    form,
    save: (values) =>
      save.mutateAsync({
        id: existing?.id,
        organizationId,
        productId: values.productId ? Number(values.productId) : null,
        kindCode: values.kindCode ?? '',
        stars: hasStars ? values.stars : null,
        number: values.number,
        issuer: values.issuer,
        issuedOn: values.issuedOn,
        expiresOn: values.expiresOn,
      }),
    onSaved: (saved) => {
      notifications.show({ color: 'teal', message: t('figures.products.cert.saved', { kind: saved.kindName }) });
      onDone();
    },
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <LabelledSelect
          label={t('figures.products.cert.product')}
          placeholder={t('figures.products.cert.general')}
          clearable
          data={products.map((product) => ({ value: String(product.id), label: product.name }))}
          {...form.getInputProps('productId')}
        />
        <LabelledSelect
          label={t('figures.products.cert.kind')}
          required
          searchable
          placeholder={t('figures.products.cert.kindPlaceholder')}
          data={kinds.map((kind) => ({ value: kind.code, label: kind.name }))}
          {...form.getInputProps('kindCode')}
        />
        {hasStars && (
          <Input.Wrapper label={t('figures.products.cert.stars')} required error={form.errors.stars}>
            <Rating
              count={5}
              size="lg"
              aria-label={t('figures.products.cert.stars')}
              value={form.values.stars}
              onChange={(value) => form.setFieldValue('stars', value)}
            />
          </Input.Wrapper>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('figures.products.cert.number')} {...form.getInputProps('number')} />
          <TextInput label={t('figures.products.cert.issuer')} {...form.getInputProps('issuer')} />
          <DateField label={t('figures.products.cert.issuedOn')} {...form.getInputProps('issuedOn')} />
          <DateField label={t('figures.products.cert.expiresOn')} {...form.getInputProps('expiresOn')} />
        </SimpleGrid>
        <FormFooter dirty={form.isDirty()} error={formError} submitLabel={t('figures.products.cert.submit')} saving={saving} onCancel={onDone} />
      </Stack>
    </form>
  );
}
