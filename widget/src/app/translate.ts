/** The widget's string lookup, as components and pure helpers take it (no dependency of its own). */
import type { WidgetKey } from '@frontdesk/shared/i18n';

export type Translate = (key: WidgetKey, params?: Readonly<Record<string, string | number>>) => string;
