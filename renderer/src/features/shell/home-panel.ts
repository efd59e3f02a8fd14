import type { ComponentType } from 'react';

/**
 * A panel on the Today screen (actions due, complaint deadlines, upcoming meetings…). Typed apart
 * from the list in `home-panels.ts` so a feature can describe its panel without importing the list.
 */
export interface HomePanel {
  id: string;
  Component: ComponentType;
}
