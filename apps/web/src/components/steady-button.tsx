import type { Ref } from 'react';
import { Button, type ButtonProps } from '@digdir/designsystemet-react';

/**
 * A button that keeps the focus while it cannot act (a send under way, nothing to do): `disabled`
 * would drop a keyboard user's focus to the start of the page. It says so with aria-disabled and
 * ignores presses, also the implicit submit of Enter in a field of its form.
 */
export function SteadyButton({ unavailable, onClick, ...props }: ButtonProps & { unavailable: boolean; ref?: Ref<HTMLButtonElement> }) {
  return (
    <Button
      {...props}
      aria-disabled={unavailable || undefined}
      onClick={(event) => {
        if (unavailable) return event.preventDefault();
        onClick?.(event);
      }}
    />
  );
}
