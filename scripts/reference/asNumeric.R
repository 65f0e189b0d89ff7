#!/usr/bin/env Rscript
# R's as.numeric on texts a survey cell may hold, for leakrisk's numeric grammar (readNumber in
# packages/survey/src/table/numberText.ts): what R reads as a number, what it reads as NaN or ±Inf,
# and what it refuses (NA, "NAs introduced by coercion"). Each value is a text: "NA", "NaN", "Inf",
# "-Inf" or the number to 17 significant digits.
# Writes packages/survey/test/fixtures/asNumeric.json. Run from the repository root, in a UTF-8 locale:
#   Rscript scripts/reference/asNumeric.R
suppressPackageStartupMessages(library(jsonlite))
texts <- c(
  # the issue's list
  "0x1F", "  12 ", "1e", "inf", "Inf", "-inf", "NaN", "1_000", "1,5", "TRUE", "12L", "0b1", ".5", "5.",
  "+3", "1e+", "0x", "1d5", " ", "",
  # plain numbers, signs and exponents
  "0", "-0", "12", "-12", "007", "3.25", "-3.25", "+.5", "-.5e2", " -.5E+2 ", "1e5", "1E-3", "1e-", "1e5 ",
  "1.5e", "12e-1000", "1e400", "-1e400", "123456789012345678", "0.1", "2.675", "1.7976931348623157e308",
  # hexadecimal
  "0X1a", "-0x10", "+0x10", "0x1p3", "0x1.8p1", "0x1p-2", "0x1p", "0xAbC.8p4", "0x.8", "0x.8p0", "0x.", "0x ",
  "0xg", "0x1G", "0x1FFFFFFFFFFFFFFFFF",
  # words
  "infinity", "Infinity", "INF", "+Inf", "infINITY", "nan", "Nan", "NAN", "-NaN", "NA", "na", "Infinit",
  # white space
  "\t7\t", "\n5\n", "\v5\f", "5\u2003", "5\u3000", "5\u00a0", "\u00a05", "\u20035", "5\u200b", "5\u0085",
  # not numbers
  "1.2.3", "1 2", "- 1", "1 e5", "+-1", "--1", ".", "-", "+", "e5", "1e5.5", "1D5", "1f", "\u0661\u0662",
  "12abc", "$5", "5%", "1/2", "3-4", "Rs. 500", "35202-1234567-1"
)
values <- suppressWarnings(as.numeric(texts))
as_json <- function(v) {
  if (is.nan(v)) return("NaN")
  if (is.na(v)) return("NA")
  if (is.infinite(v)) return(if (v > 0) "Inf" else "-Inf")
  sprintf("%.17g", v) # a text: JSON writers round to 15 digits
}
out <- lapply(seq_along(texts), function(i) list(text = texts[i], value = as_json(values[i])))
writeLines(toJSON(out, auto_unbox = TRUE, pretty = TRUE), "packages/survey/test/fixtures/asNumeric.json")
