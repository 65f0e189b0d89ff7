import type { Localized } from '@leakrisk/survey';

/** A way to reach a help service. */
export interface ContactChannel {
  kind: 'phone' | 'web' | 'email' | string;
  value: string;
  label?: Localized;
}

/** A help service shown at the top of every page (kept in `data/report/contacts.json`). */
export interface HelpContact {
  id: string;
  name: Localized;
  description?: Localized;
  channels: ContactChannel[];
  hours?: Localized;
  /** Where the details come from. */
  sources: { url: string; what?: string }[];
  /** ISO date (YYYY-MM-DD) the details were last checked. */
  checked: string;
  /** `verified`, or `verify-before-publishing` when the details could not be confirmed first-hand. */
  status: 'verified' | 'verify-before-publishing' | string;
  checkNote?: string;
}

/** Report settings (`data/report/settings.json`), with contacts already loaded. */
export interface ReportSettings {
  title: Localized;
  subtitle?: Localized;
  /** Named as the source in every figure caption. */
  source: Localized;
  /** Smallest unweighted base an estimate may have to be shown (default 30). */
  minBase: number;
  contentNote: Localized;
  syntheticBanner: Localized;
  /** Force the synthetic banner on (it is also shown when the codebook or results say synthetic). */
  synthetic?: boolean;
  contacts: HelpContact[];
}
