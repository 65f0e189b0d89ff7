## Reference values for scale scoring and reliability in @leakrisk/survey (packages/survey/src/scales).
##
## Run from the repository root:   Rscript scripts/reference/scales.R
## Writes packages/survey/test/fixtures/scales-likert.csv (a made-up, seeded, synthetic Likert data set:
## six 1..5 items of one construct, item i6 worded in reverse, with and without missing answers) and
## packages/survey/test/fixtures/scales.json. CI does not need R: both files are committed.
##
## psych::alpha: psych 2.4.6 and later form the standardised alpha from cor(x, use = "pairwise");
## earlier versions (Debian's 2.2.9 included) from cov2cor(cov(x, use = "pairwise")). The two agree on
## complete data. For data with missing answers we record both: `std_alpha_cov2cor` from psych::alpha
## on the raw data (older rule), and `std_alpha` from psych::alpha on the pairwise correlation matrix
## (which is exactly what psych >= 2.4.6 does with raw data).

suppressMessages({ library(psych); library(survey); library(jsonlite) })
data(api)

set.seed(20240611)
n <- 240
trait <- rnorm(n)
likert <- function(signal, noise) {
  z <- signal + rnorm(n, sd = noise)
  as.integer(cut(z, breaks = c(-Inf, -1.2, -0.4, 0.4, 1.2, Inf)))
}
items <- data.frame(
  i1 = likert(0.9 * trait, 0.6),
  i2 = likert(0.8 * trait, 0.7),
  i3 = likert(0.7 * trait, 0.8),
  i4 = likert(0.6 * trait, 0.9),
  i5 = likert(0.5 * trait, 1.0),
  i6 = likert(-0.7 * trait, 0.8)   # reverse-worded
)
stratum <- rep(c("a", "b", "c"), each = n / 3)
psu <- rep(1:(n / 12), each = 12)
weight <- round(runif(n, 50, 400), 1)

## the same items with about 8% of answers missing (NA), never a whole row
miss <- items
for (j in seq_along(miss)) miss[sample.int(n, round(0.08 * n)), j] <- NA
miss$i1[1] <- 3  # keep row 1 answered somewhere

out_csv <- data.frame(id = seq_len(n), stratum = stratum, psu = psu, weight = weight, items)
for (j in names(miss)) out_csv[[paste0("m", substring(j, 2))]] <- miss[[j]]
write.csv(out_csv, "packages/survey/test/fixtures/scales-likert.csv", row.names = FALSE, na = "")

alpha_entry <- function(id, data, reverse) {
  keys <- if (length(reverse) > 0) reverse else NULL
  a <- suppressWarnings(psych::alpha(data, keys = keys, warnings = FALSE))
  signed <- diag(ifelse(names(data) %in% reverse, -1, 1), ncol(data))
  R <- signed %*% cor(data, use = "pairwise") %*% signed
  dimnames(R) <- list(names(data), names(data))
  astd <- suppressWarnings(psych::alpha(R, warnings = FALSE))
  per_item <- function(values) setNames(as.list(unname(values)), names(data))
  list(
    id = id,
    items = I(names(data)),
    reverse = I(reverse),
    raw_alpha = a$total$raw_alpha,
    std_alpha = astd$total$std.alpha,
    std_alpha_cov2cor = a$total$std.alpha,
    alpha_if_dropped = per_item(a$alpha.drop$raw_alpha),
    std_alpha_if_dropped = per_item(astd$alpha.drop$std.alpha),
    r_drop = per_item(a$item.stats$r.drop),
    item_mean = per_item(a$item.stats$mean),
    item_sd = per_item(a$item.stats$sd),
    n_item = per_item(a$item.stats$n)
  )
}

omega_entry <- function(id, data, reverse) {
  x <- data
  for (j in reverse) x[[j]] <- 6 - x[[j]]
  om <- suppressMessages(suppressWarnings(psych::omega(x, nfactors = 1, plot = FALSE)))
  f <- suppressMessages(suppressWarnings(psych::fa(x, nfactors = 1, fm = "minres")))
  list(id = id, items = I(names(data)), reverse = I(reverse), omega_total = om$omega.tot,
       loadings = unname(as.vector(f$loadings)))
}

cols <- function(df, names) df[, names, drop = FALSE]
all6 <- c("i1", "i2", "i3", "i4", "i5", "i6")
m6 <- c("m1", "m2", "m3", "m4", "m5", "m6")
mdata <- setNames(miss, m6)

alpha_results <- list(
  alpha_entry("complete_reverse", items, "i6"),
  alpha_entry("complete_noreverse", cols(items, c("i1", "i2", "i3", "i4", "i5")), character(0)),
  alpha_entry("missing_reverse", mdata, "m6"),
  alpha_entry("missing_noreverse", cols(mdata, c("m1", "m2", "m3", "m4", "m5")), character(0)),
  alpha_entry("missing_two_items", cols(mdata, c("m1", "m2")), character(0)),
  alpha_entry("two_items", cols(items, c("i1", "i2")), character(0)),
  alpha_entry("apiclus1_scores", cols(apiclus1, c("api00", "api99", "meals", "ell")), c("meals", "ell"))
)

omega_results <- list(
  omega_entry("complete_reverse", items, "i6"),
  omega_entry("missing_reverse", mdata, "m6"),
  omega_entry("complete_four", cols(items, c("i1", "i2", "i3", "i4")), character(0))
)

## design-weighted alpha: reverse-keyed items enter as 6 - x; na.rm = TRUE (complete cases)
dlik <- svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, data = out_csv, nest = TRUE)
dlik <- update(dlik, i6r = 6 - i6, m6r = 6 - m6)
dstrat <- svydesign(id = ~1, strata = ~stype, weights = ~pw, data = apistrat, fpc = ~fpc)
svycralpha_results <- list(
  list(id = "likert_complete", items = I(all6), reverse = I("i6"),
       alpha = svycralpha(~i1 + i2 + i3 + i4 + i5 + i6r, dlik)),
  list(id = "likert_missing", items = I(m6), reverse = I("m6"),
       alpha = svycralpha(~m1 + m2 + m3 + m4 + m5 + m6r, dlik, na.rm = TRUE),
       n = sum(complete.cases(out_csv[, m6]))),
  list(id = "apistrat", items = I(c("api00", "api99")), reverse = I(character(0)),
       alpha = svycralpha(~api00 + api99, dstrat))
)

## scoring: mean of answered items after re-keying (min + max - x over 1..5), psych::scoreItems
sc <- psych::scoreItems(keys = list(s = c("m1", "m2", "m3", "m4", "m5", "-m6")), items = mdata,
                        impute = "none", min = 1, max = 5)
score_results <- list(id = "missing_reverse_mean", items = I(m6), reverse = I("m6"),
                      scores = as.vector(sc$scores[, 1]))

out <- list(
  generated_with = paste("R", getRversion(), "psych", packageVersion("psych"), "survey", packageVersion("survey")),
  data = "scales-likert.csv (items i1..i6 complete, m1..m6 with missing answers; synthetic)",
  alpha = alpha_results,
  omega = omega_results,
  svycralpha = svycralpha_results,
  scores = score_results
)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null"),
           "packages/survey/test/fixtures/scales.json")
