import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppProviders, createQueryClient } from '../../src/renderer/src/AppProviders';
import { QuantityLeft } from '../../src/renderer/src/pages/supply/SupplyBits';
import { installFakeApi } from './fakeApi';

function renderLeft(quantity: number, remaining: number) {
  installFakeApi({});
  return render(
    <AppProviders queryClient={createQueryClient()} env="test">
      <QuantityLeft quantity={quantity} remaining={remaining} unitName="tấn" />
    </AppProviders>,
  );
}

describe('what remains of an offer or a demand', () => {
  it('says what is left once some is connected, in its own unit', async () => {
    renderLeft(50, 0.002);
    expect(await screen.findByText('50 tấn')).toBeTruthy();
    expect(screen.getByText('còn 0,002 tấn')).toBeTruthy();
  });

  it('says nothing is left of what is fully connected, and nothing of what is not connected at all', async () => {
    const { unmount } = renderLeft(50, 0);
    expect(await screen.findByText('50 tấn')).toBeTruthy();
    expect(screen.queryByText(/^còn/)).toBeNull();
    unmount();
    renderLeft(50, 50);
    expect(await screen.findByText('50 tấn')).toBeTruthy();
    expect(screen.queryByText(/^còn/)).toBeNull();
  });
});
