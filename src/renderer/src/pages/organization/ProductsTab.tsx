/**
 * Sản phẩm, chứng nhận of one organization: each product with what it is, how much and at what
 * price, and its certifications; then the certifications of the organization as a whole.
 */
import { useState } from 'react';
import { ActionIcon, Button, EmptyState, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconCertificate, IconPackage, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Certification, OrganizationDetail, Product } from '../../../../shared/contract';
import { messageOf } from '../../api';
import { LoadError } from '../../components/LoadError';
import { useDeleteCertification, useDeleteProduct, useProducts } from '../../queries/register';
import { formatDecimal, formatDong } from './figures/numbers';
import { CertificationForm } from './products/CertificationForm';
import { CertificationList } from './products/CertificationList';
import { ProductForm } from './products/ProductForm';
import { FormModal } from '../../forms/unsavedChanges';

type Editing =
  | { what: 'product'; product?: Product }
  | { what: 'certification'; certification?: Certification; productId: number | null }
  | null;

function ProductFacts({ product }: { product: Product }) {
  const { t } = useTranslation();
  const facts: string[] = [];
  if (product.productGroup) facts.push(product.productGroup);
  if (product.volume !== null) {
    facts.push(
      t(`figures.products.volumePer.${product.volumePeriod}`, {
        volume: formatDecimal(product.volume),
        unit: product.unit,
      }).trim(),
    );
  }
  if (product.price !== null) {
    facts.push(product.unit ? t('figures.products.pricePer', { price: formatDong(product.price), unit: product.unit }) : formatDong(product.price));
  }
  return (
    <Text size="sm" c="dimmed">
      {facts.join(' · ')}
    </Text>
  );
}

export function ProductsTab({ organization }: { organization: OrganizationDetail }) {
  const { t } = useTranslation();
  const list = useProducts(organization.id);
  const removeProduct = useDeleteProduct();
  const removeCertification = useDeleteCertification();
  const [editing, setEditing] = useState<Editing>(null);
  const close = () => setEditing(null);

  const failed = (error: unknown) => notifications.show({ color: 'red', message: messageOf(error, t('common.unexpectedError')) });

  const confirmDeleteProduct = (product: Product) =>
    modals.openConfirmModal({
      title: t('figures.products.delete.title'),
      children: (
        <Text size="sm">
          {product.certifications.length > 0
            ? t('figures.products.delete.bodyWithCerts', { name: product.name, certs: product.certifications.length })
            : t('figures.products.delete.body', { name: product.name })}
        </Text>
      ),
      labels: { confirm: t('figures.delete.confirm'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        removeProduct.mutate(
          { id: product.id },
          { onSuccess: () => notifications.show({ color: 'teal', message: t('figures.products.delete.done', { name: product.name }) }), onError: failed },
        ),
    });

  const confirmDeleteCertification = (certification: Certification) =>
    modals.openConfirmModal({
      title: t('figures.products.cert.delete'),
      children: (
        <Text size="sm">{t('figures.products.cert.deleteBody', { kind: certification.kindName, number: certification.number || '—' })}</Text>
      ),
      labels: { confirm: t('figures.delete.confirm'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        removeCertification.mutate(
          { id: certification.id },
          { onSuccess: () => notifications.show({ color: 'teal', message: t('figures.products.cert.deleted') }), onError: failed },
        ),
    });

  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  if (!list.data) return <Text c="dimmed">{t('common.loading')}</Text>;
  const { products, generalCertifications } = list.data;

  const certificationProps = {
    onEdit: (certification: Certification) => setEditing({ what: 'certification', certification, productId: certification.productId }),
    onDelete: confirmDeleteCertification,
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('figures.products.title')}</Title>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconCertificate size={18} />} onClick={() => setEditing({ what: 'certification', productId: null })}>
            {t('figures.products.cert.addGeneral')}
          </Button>
          <Button leftSection={<IconPlus size={18} />} onClick={() => setEditing({ what: 'product' })}>
            {t('figures.products.add')}
          </Button>
        </Group>
      </Group>

      {products.length === 0 && generalCertifications.length === 0 && (
        <EmptyState icon={<IconPackage />} title={t('figures.products.emptyTitle')} description={t('figures.products.emptyDescription')} />
      )}

      {products.map((product) => (
        <Paper key={product.id} withBorder p="md" component="section" aria-label={product.name}>
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <div>
              <Text fw={600}>{product.name}</Text>
              <ProductFacts product={product} />
              {product.note && <Text size="sm">{product.note}</Text>}
            </div>
            <Group gap={4} wrap="nowrap">
              <Button
                size="xs"
                variant="light"
                leftSection={<IconCertificate size={16} />}
                onClick={() => setEditing({ what: 'certification', productId: product.id })}
              >
                {t('figures.products.cert.add')}
              </Button>
              <Tooltip label={t('figures.products.edit')}>
                <ActionIcon variant="subtle" aria-label={t('figures.products.editNamed', { name: product.name })} onClick={() => setEditing({ what: 'product', product })}>
                  <IconPencil size={16} />
                </ActionIcon>
              </Tooltip>
              <Tooltip label={t('figures.products.delete.title')}>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('figures.products.deleteNamed', { name: product.name })}
                  onClick={() => confirmDeleteProduct(product)}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            </Group>
          </Group>
          {product.certifications.length > 0 ? (
            <CertificationList certifications={product.certifications} {...certificationProps} />
          ) : (
            <Text size="sm" c="dimmed" mt="xs">
              {t('figures.products.cert.none')}
            </Text>
          )}
        </Paper>
      ))}

      {generalCertifications.length > 0 && (
        <Paper withBorder p="md" component="section" aria-label={t('figures.products.generalTitle')}>
          <Text fw={600}>{t('figures.products.generalTitle')}</Text>
          <Text size="sm" c="dimmed">
            {t('figures.products.generalHint')}
          </Text>
          <CertificationList certifications={generalCertifications} {...certificationProps} />
        </Paper>
      )}

      <FormModal
        opened={editing?.what === 'product'}
        onClose={close}
        size="lg"
        title={editing?.what === 'product' && editing.product ? t('figures.products.form.editTitle') : t('figures.products.form.addTitle')}
      >
        {editing?.what === 'product' && <ProductForm organizationId={organization.id} existing={editing.product} onDone={close} />}
      </FormModal>
      <FormModal
        opened={editing?.what === 'certification'}
        onClose={close}
        size="lg"
        title={editing?.what === 'certification' && editing.certification ? t('figures.products.cert.editTitle') : t('figures.products.cert.addTitle')}
      >
        {editing?.what === 'certification' && (
          <CertificationForm
            organizationId={organization.id}
            products={products}
            existing={editing.certification}
            productId={editing.productId}
            onDone={close}
          />
        )}
      </FormModal>
    </Stack>
  );
}
