import type { Localized } from '@leakrisk/survey';

/** A way to reach a help service. */
export interface ContactChannel {
  /** `phone` becomes a `tel:` link, `email` a `mailto:` link, anything else (`web`) an http(s) link. */
  kind: 'phone' | 'web' | 'email' | string;
  value: string;
  label?: Localized;
}

/** A help service shown at the top of every page. */
export interface HelpContact {
  id?: string;
  name: Localized;
  description?: Localized;
  channels: ContactChannel[];
  hours?: Localized;
  /** Where the details come from. */
  sources?: { url: string; what?: string }[];
  /** ISO date (YYYY-MM-DD) the details were last checked. */
  checked?: string;
  /** `verified`, or `verify-before-publishing` when the details could not be confirmed first-hand. */
  status?: 'verified' | 'verify-before-publishing' | string;
  checkNote?: string;
}

/**
 * Report settings (`report.json`, contract "Report settings"), with defaults filled in and contacts
 * loaded. Without a settings file every field takes its default: the codebook's title (else "Survey
 * results"), no banner, no content note, no contacts, `minBase` 30, every grouping of the results.
 */
export interface ReportSettings {
  title: Localized;
  subtitle?: Localized;
  /** Named as the source in every figure caption (default: the title). */
  source: Localized;
  /** Shows the synthetic-data banner (default false). */
  synthetic: boolean;
  /** The banner's text; a general wording when the settings give none. */
  syntheticBanner?: Localized;
  contentNote?: Localized;
  contacts: HelpContact[];
  /** Smallest unweighted base an estimate (or a model term) may have to be shown (default 30). */
  minBase: number;
  /** The `by` variables to show, in this order; `undefined`: every one in the results, in plan order. */
  groupings?: string[];
  /** Study-specific limitations, listed on the methodology page after the general ones. */
  limitations?: Localized[];
}
