#!/usr/bin/env Rscript
# Reference values for replicate-weight designs in @leakrisk/survey (packages/survey/src/design/replicates/,
# and every analysis type on replicate designs). Run from the repository root:
#   Rscript scripts/reference/replicates.R
# Needs R with the survey, MASS and jsonlite packages (Debian: r-cran-survey r-cran-jsonlite).
# Writes (all committed; CI does not need R):
#   packages/survey/test/fixtures/replicate-weights.json  R's replicate weights for small designs
#       (as.svrepdesign JK1, JKn, BRR, Fay), R's hadamard(), svrVar and degf on given inputs;
#   packages/survey/test/fixtures/replicates.csv  a SYNTHETIC survey (no real people) with design columns
#       and replicate-weight columns of every svrepdesign type;
#   packages/survey/test/fixtures/replicates.json  R's numbers for every analysis type on those designs;
#   packages/survey/src/design/replicates/hadamardTables.ts  the two Hadamard matrices survey keeps
#       precooked (orders 28 and 36, from Sloane's library of Hadamard matrices), which R's hadamard()
#       uses for some sizes: without them the same PSUs would not get the same half-samples as in R.
suppressPackageStartupMessages({ library(survey); library(jsonlite); library(MASS) })
invisible(Sys.setlocale("LC_COLLATE", "C"))   # level order = code-point order, as the toolkit sorts
options(survey.lonely.psu = "fail", survey.replicates.mse = FALSE, warn = 1)
fixtures <- "packages/survey/test/fixtures"
json_out <- function(x, file) writeLines(toJSON(x, auto_unbox = TRUE, digits = NA, pretty = FALSE, null = "null", na = "null"), file)
rows_of <- function(m) unname(lapply(seq_len(nrow(m)), function(i) as.numeric(m[i, ])))

# ==== 1. weight construction ===========================================================================
# Small designs whose replicate weights we compare entry by entry with R's (compress = FALSE).
set.seed(7)
small <- list()
## JKn: strata met in the order b, a, c (so R's replicate order follows first appearance), fpc counts.
jkn_rows <- data.frame(stratum = c("b", "b", "a", "b", "a", "c", "c", "c", "c", "b", "a", "c"),
                       psu = c(1, 2, 1, 3, 2, 1, 2, 3, 4, 2, 1, 3),
                       fpc = c(10, 10, 5, 10, 5, 4, 4, 4, 4, 10, 5, 4))
jkn_rows$weight <- round(runif(nrow(jkn_rows), 1, 9), 2)
small$jkn <- list(rows = jkn_rows, spec = list(ids = list("psu"), strata = "stratum", weights = "weight", nest = TRUE),
                  type = "JKn", r = "as.svrepdesign(svydesign(ids=~psu, strata=~stratum, weights=~weight, nest=TRUE, data=d), type='JKn')")
small$jkn_fpc <- list(rows = jkn_rows, spec = list(ids = list("psu"), strata = "stratum", weights = "weight", fpc = list("fpc"), nest = TRUE),
                      type = "JKn", r = "as.svrepdesign(svydesign(ids=~psu, strata=~stratum, weights=~weight, fpc=~fpc, nest=TRUE, data=d), type='JKn')")
## a census stratum (fpc = sampled PSUs): R drops its replicates (survey.drop.replicates)
census <- jkn_rows; census$fpc[census$stratum == "c"] <- 4
census$fpc[census$stratum == "a"] <- 2
small$jkn_census <- list(rows = census, spec = list(ids = list("psu"), strata = "stratum", weights = "weight", fpc = list("fpc"), nest = TRUE),
                         type = "JKn", r = "as.svrepdesign(svydesign(ids=~psu, strata=~stratum, weights=~weight, fpc=~fpc, nest=TRUE, data=d), type='JKn')")
## a lonely PSU (stratum "d" has one PSU) under each rule
lonely <- rbind(jkn_rows, data.frame(stratum = c("d", "d"), psu = c(1, 1), fpc = c(3, 3), weight = c(2.5, 3.5)))
for (rule in c("adjust", "remove", "certainty", "average")) {
  small[[paste0("jkn_lonely_", rule)]] <- list(rows = lonely, lonely = rule,
    spec = list(ids = list("psu"), strata = "stratum", weights = "weight", nest = TRUE, lonelyPsu = rule), type = "JKn",
    r = sprintf("as.svrepdesign(svydesign(ids=~psu, strata=~stratum, weights=~weight, nest=TRUE, data=d), type='JKn') with survey.lonely.psu='%s'", rule))
}
## JK1: unstratified clusters, with and without an fpc
jk1_rows <- data.frame(cluster = c("k3", "k1", "k3", "k2", "k5", "k4", "k1", "k6", "k2", "k6"), fpc = 15)
jk1_rows$weight <- round(runif(nrow(jk1_rows), 1, 9), 2)
small$jk1 <- list(rows = jk1_rows, spec = list(ids = list("cluster"), weights = "weight"), type = "JK1",
                  r = "as.svrepdesign(svydesign(ids=~cluster, weights=~weight, data=d), type='JK1')")
small$jk1_fpc <- list(rows = jk1_rows, spec = list(ids = list("cluster"), weights = "weight", fpc = list("fpc")), type = "JK1",
                      r = "as.svrepdesign(svydesign(ids=~cluster, weights=~weight, fpc=~fpc, data=d), type='JK1')")
## BRR and Fay: stratum labels that sort differently as text ("10" < "2" < "9") and as numbers, PSUs met
## out of order, a stratum of four PSUs (R splits it into two pairs, which come first).
brr_rows <- data.frame(stratum = c("9", "10", "9", "2", "10", "2", "2", "1", "2", "1", "9"),
                       psu = c("b", "x", "a", "p", "y", "q", "r", "m", "s", "n", "b"))
brr_rows$weight <- round(runif(nrow(brr_rows), 1, 9), 2)
small$brr <- list(rows = brr_rows, spec = list(ids = list("psu"), strata = "stratum", weights = "weight", nest = TRUE), type = "BRR",
                  r = "as.svrepdesign(svydesign(ids=~psu, strata=~stratum, weights=~weight, nest=TRUE, data=d), type='BRR')")
small$fay <- list(rows = brr_rows, spec = list(ids = list("psu"), strata = "stratum", weights = "weight", nest = TRUE), type = "Fay", rho = 0.3,
                  r = "as.svrepdesign(svydesign(ids=~psu, strata=~stratum, weights=~weight, nest=TRUE, data=d), type='Fay', fay.rho=0.3)")
## BRR with 25 and 33 pairs (R's precooked Hadamard matrices of order 28 and 36), 40 pairs (Paley, 44)
for (pairs in c(25, 33, 40)) {
  rows <- data.frame(stratum = rep(sprintf("h%02d", sample(pairs)), each = 2), psu = rep(1:2, pairs))
  rows$weight <- round(runif(nrow(rows), 1, 9), 2)
  small[[paste0("brr", pairs)]] <- list(rows = rows, spec = list(ids = list("psu"), strata = "stratum", weights = "weight", nest = TRUE), type = "BRR",
    r = "as.svrepdesign(svydesign(ids=~psu, strata=~stratum, weights=~weight, nest=TRUE, data=d), type='BRR')")
}

weights_out <- list()
for (key in names(small)) {
  s <- small[[key]]
  d <- s$rows
  if (!is.null(s$lonely)) options(survey.lonely.psu = s$lonely)
  f <- if (!is.null(s$spec$fpc)) ~fpc else NULL
  des <- if (is.null(s$spec$strata)) {
    if (is.null(f)) svydesign(ids = ~cluster, weights = ~weight, data = d) else svydesign(ids = ~cluster, weights = ~weight, fpc = ~fpc, data = d)
  } else {
    if (is.null(f)) svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, nest = TRUE, data = d)
    else svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, fpc = ~fpc, nest = TRUE, data = d)
  }
  # compressed (R's default: its uncompressed `adjust` branch is broken in 4.1), then expanded to rows
  rep <- if (s$type == "Fay") as.svrepdesign(des, type = "Fay", fay.rho = s$rho) else as.svrepdesign(des, type = s$type)
  options(survey.lonely.psu = "fail")
  factors <- as.matrix(rep$repweights)
  weights_out[[key]] <- list(call = s$r, spec = s$spec, type = s$type, rho = s$rho, rows = d,
                             factors = rows_of(factors), scale = rep$scale, rscales = as.numeric(rep$rscales), degf = degf(rep))
}

## R's hadamard(n): the order for n = 1..200 and the matrices themselves for the sizes that take each route
## (precooked, doubled, Paley, Paley doubled).
hadamard_sizes <- sapply(1:200, function(n) nrow(hadamard(n)))
hadamard_check <- function(H) sum(H * outer(seq_len(nrow(H)), seq_len(ncol(H)), function(i, j) (31 * i + 17 * j) %% 101))
hadamard_matrices <- lapply(c(1, 4, 7, 11, 12, 15, 19, 23, 27, 31, 35, 40, 44, 47, 51, 55, 60, 63, 71, 79), function(n)
  list(n = n, rows = apply(hadamard(n), 1, paste, collapse = "")))
hadamard_checks <- sapply(1:200, function(n) hadamard_check(hadamard(n)))

## svrVar on given replicate estimates (with a replicate that gave NA, and rscales of 0)
thetas <- cbind(c(1.2, 0.9, 1.4, NA, 1.1, 1.0), c(3.1, 2.8, 3.3, 3.0, 2.9, 3.2))
rsc <- c(0.5, 1, 0, 1, 2, 0.75)
coef <- c(1.0, 3.05)
svrvar_out <- list(
  thetas = rows_of(thetas), rscales = rsc, scale = 0.3, coef = coef,
  plain = unname(as.matrix(suppressWarnings(svrVar(thetas, 0.3, rsc, mse = FALSE, coef = coef)))),
  mse = unname(as.matrix(suppressWarnings(svrVar(thetas, 0.3, rsc, mse = TRUE, coef = coef)))),
  single = unname(suppressWarnings(svrVar(thetas[, 2], 0.3, rsc, mse = FALSE, coef = coef[2]))[1]),
  singleMse = unname(suppressWarnings(svrVar(thetas[, 2], 0.3, rsc, mse = TRUE, coef = coef[2]))[1]))

## degf = rank of the analysis weights (R's qr, tol 1e-5) minus one, on matrices made to be rank deficient
degf_cases <- list()
m <- matrix(runif(30 * 6, 0.5, 2), 30, 6)
m[, 5] <- m[, 1] + 2 * m[, 2]; m[, 6] <- m[, 3] * (1 + 1e-7 * runif(30))
degf_cases[[1]] <- list(columns = lapply(seq_len(ncol(m)), function(j) m[, j]), degf = qr(m, tol = 1e-5)$rank - 1)
m2 <- matrix(runif(12 * 5, 0.5, 2), 12, 5); m2[, 2] <- m2[, 1] * (1 + 1e-4 * runif(12))
degf_cases[[2]] <- list(columns = lapply(seq_len(ncol(m2)), function(j) m2[, j]), degf = qr(m2, tol = 1e-5)$rank - 1)

## the two precooked matrices, as the toolkit's string table
precooked <- survey:::hadamard.list
stopifnot(identical(survey:::hadamard.sizes, c(4, 16, 28, 36)))
ts <- c("// Written by scripts/reference/replicates.R from R survey's precooked Hadamard matrices (orders 28 and 36,",
        "// from N. J. A. Sloane's library of Hadamard matrices), as 0/1 rows. R's hadamard() uses them for some",
        "// numbers of BRR pairs (and doubles them for others); the same matrices give the same half-samples as in R.",
        "// Do not edit by hand.",
        "",
        "/** R survey's precooked Hadamard matrix of order 28 (`survey:::hadamard.list[[3]]`), rows of 0/1. */",
        "export const HADAMARD_28: readonly string[] = [",
        paste0("  '", apply(precooked[[3]], 1, paste, collapse = ""), "',"),
        "];",
        "",
        "/** R survey's precooked Hadamard matrix of order 36 (`survey:::hadamard.list[[4]]`), rows of 0/1. */",
        "export const HADAMARD_36: readonly string[] = [",
        paste0("  '", apply(precooked[[4]], 1, paste, collapse = ""), "',"),
        "];")
writeLines(ts, "packages/survey/src/design/replicates/hadamardTables.ts")
# the order-4 and order-16 entries are Sylvester's construction (doubling), which the toolkit builds itself
d2 <- survey:::hadamard.doubler
stopifnot(identical(precooked[[2]], d2(d2(precooked[[1]]))),
          identical(precooked[[1]], matrix(c(1, 1, 1, 1, 1, 0, 1, 0, 1, 1, 0, 0, 1, 0, 0, 1), 4, byrow = TRUE)))

json_out(list(generated_with = sprintf("R %s.%s survey %s", R.version$major, R.version$minor, as.character(packageVersion("survey"))),
              note = "Synthetic design columns, generated by scripts/reference/replicates.R.",
              designs = weights_out,
              hadamard = list(sizes = hadamard_sizes, checks = hadamard_checks, checkWeight = "sum of H[i,j] * ((31 i + 17 j) %% 101), 1-based",
                              matrices = hadamard_matrices),
              svrVar = svrvar_out, degf = degf_cases),
         file.path(fixtures, "replicate-weights.json"))
cat("wrote replicate-weights.json and hadamardTables.ts\n")

# ==== 2. a synthetic survey with replicate weights of every kind ========================================
set.seed(20261207)
strata_labels <- c("s7", "s1", "s10", "s3", "s2", "s12", "s5", "s9")   # met in this order; sorted: s1 s10 s12 s2 …
psus_per_stratum <- c(2, 3, 4, 2, 5, 3, 2, 4)
rows <- list()
for (h in seq_along(strata_labels)) {
  for (p in seq_len(psus_per_stratum[h])) {
    m <- sample(8:16, 1)
    rows[[length(rows) + 1]] <- data.frame(stratum = strata_labels[h], psu = p, fpc = 3 * psus_per_stratum[h] + 2,
                                           psu_effect = rnorm(1, 0, 0.5), weight = round(runif(1, 20, 80) * runif(m, 0.8, 1.25), 3))
  }
}
d <- do.call(rbind, rows)
n <- nrow(d)
d$psu_id <- cumsum(!duplicated(paste(d$stratum, d$psu)))               # one id per PSU, unstratified
# a second, independent design on the same rows for BRR and Fay: 12 strata ("pairs") of two PSUs each
pair_order <- sample(12)
block <- ceiling(seq_len(n) / ceiling(n / 24))
d$pair <- paste0("p", pair_order[(block + 1) %/% 2])
d$half <- ifelse(block %% 2 == 1, "a", "b")
d$grp <- sample(c("a", "b", "c"), n, replace = TRUE, prob = c(0.45, 0.35, 0.2))
d$h <- sample(c("f", "m"), n, replace = TRUE)
d$area <- ifelse(runif(n) < 0.35 + 0.06 * (d$stratum %in% c("s1", "s2", "s3")), "urban", "rural")
d$x2 <- round(runif(n, 1, 5) + 0.3 * d$psu_effect, 2)
d$y <- round(2 + 0.6 * d$x2 + 0.5 * (d$grp == "b") - 0.4 * (d$grp == "c") + 0.3 * (d$h == "m") + d$psu_effect + rnorm(n), 2)
d$yes <- ifelse(runif(n) < plogis(-0.8 + 0.3 * d$x2 + 0.4 * (d$h == "m") + d$psu_effect), "yes", "no")
d$count <- rpois(n, exp(0.2 + 0.25 * d$x2 + 0.3 * (d$grp == "c") + 0.3 * d$psu_effect))
latent <- 0.5 * d$psu_effect + rnorm(n)
for (k in 1:4) d[[paste0("vb", k)]] <- pmin(5, pmax(1, round(3 + (if (k == 4) -1 else 1) * latent + rnorm(n, 0, 0.8))))
d$att <- as.integer(cut(0.4 * d$x2 + 0.5 * (d$h == "m") + d$psu_effect + rlogis(n), c(-Inf, 0.6, 1.6, 2.6, Inf)))
d$y[sample(n, round(0.08 * n))] <- NA
d$x2[sample(n, round(0.04 * n))] <- NA
d$yes[sample(n, round(0.05 * n))] <- NA
d$att[sample(n, round(0.05 * n))] <- NA
d$psu_effect <- NULL

# replicate-weight columns, made by R from the designs above (then given to svrepdesign)
des_strat <- svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, nest = TRUE, data = d)
des_pairs <- svydesign(ids = ~half, strata = ~pair, weights = ~weight, nest = TRUE, data = d)
des_clus <- svydesign(ids = ~psu_id, weights = ~weight, data = d)
add_columns <- function(prefix, m) for (j in seq_len(ncol(m))) d[[paste0(prefix, j)]] <<- m[, j]
round_w <- function(m) round(m, 4)
jkn <- as.svrepdesign(des_strat, type = "JKn", compress = FALSE)
jkn_rscales <- jkn$rscales
add_columns("jkn_", round_w(as.matrix(jkn$repweights) * d$weight))
add_columns("jknf_", round_w(as.matrix(jkn$repweights)))
boot <- bootweights(d$stratum, paste(d$stratum, d$psu), replicates = 30, compress = FALSE)
add_columns("bs_", round_w(as.matrix(boot$repweights) * d$weight))
add_columns("bsf_", as.matrix(boot$repweights))
sboot <- subbootweights(d$stratum, paste(d$stratum, d$psu), replicates = 20, compress = FALSE)
add_columns("sbs_", round_w(as.matrix(sboot$repweights) * d$weight))
jk1 <- as.svrepdesign(des_clus, type = "JK1", compress = FALSE)
add_columns("jk1_", round_w(as.matrix(jk1$repweights) * d$weight))
brr <- as.svrepdesign(des_pairs, type = "BRR", compress = FALSE)
add_columns("brr_", round_w(as.matrix(brr$repweights) * d$weight))
fay <- as.svrepdesign(des_pairs, type = "Fay", fay.rho = 0.5, compress = FALSE)
add_columns("fay_", round_w(as.matrix(fay$repweights) * d$weight))
# successive-difference factors, 1 + 2^(-3/2) (a_k − a_{k+1}) over the PSUs in order, a from a Hadamard matrix
Hsd <- 2 * hadamard(19)[1:20, ] - 1
npsu <- max(d$psu_id)
sd_factor <- sapply(1:20, function(r) sapply(seq_len(npsu), function(k) 1 + 2^(-1.5) * (Hsd[(k %% 19) + 1, r] - Hsd[((k + 1) %% 19) + 1, r])))
add_columns("sd_", round_w(sd_factor[d$psu_id, ] * d$weight))
oth_factor <- matrix(1 + runif(npsu * 16, -0.5, 0.5), npsu, 16)
add_columns("oth_", round_w(oth_factor[d$psu_id, ] * d$weight))
other_scale <- 0.05
other_rscales <- round(seq(0.8, 1.2, length.out = 16), 4)

write.csv(d, file.path(fixtures, "replicates.csv"), row.names = FALSE, na = "")
d <- read.csv(file.path(fixtures, "replicates.csv"), na.strings = c("", "NA"), stringsAsFactors = FALSE)
d$att_f <- factor(d$att)

# ==== 3. the replicate designs: R's call and the plan's design =========================================
strat_spec <- list(ids = list("psu"), strata = "stratum", weights = "weight", nest = TRUE)
given <- function(pattern, type, ...) list(weights = "weight", replicates = c(list(type = type, columns = pattern), list(...)))
designs <- list(
  jkn_made = list(r = "as.svrepdesign(svydesign(ids=~psu, strata=~stratum, weights=~weight, fpc=~fpc, nest=TRUE, data=d), type='JKn')",
                  plan = c(strat_spec, list(fpc = list("fpc"), replicates = list(type = "JKn")))),
  jkn_made_mse = list(r = "as.svrepdesign(svydesign(ids=~psu, strata=~stratum, weights=~weight, nest=TRUE, data=d), type='JKn', mse=TRUE)",
                      plan = c(strat_spec, list(replicates = list(type = "JKn", mse = TRUE)))),
  jk1_made = list(r = "as.svrepdesign(svydesign(ids=~psu_id, weights=~weight, data=d), type='JK1')",
                  plan = list(ids = list("psu_id"), weights = "weight", replicates = list(type = "JK1"))),
  brr_made = list(r = "as.svrepdesign(svydesign(ids=~half, strata=~pair, weights=~weight, nest=TRUE, data=d), type='BRR')",
                  plan = list(ids = list("half"), strata = "pair", weights = "weight", nest = TRUE, replicates = list(type = "BRR"))),
  fay_made = list(r = "as.svrepdesign(svydesign(ids=~half, strata=~pair, weights=~weight, nest=TRUE, data=d), type='Fay', fay.rho=0.3)",
                  plan = list(ids = list("half"), strata = "pair", weights = "weight", nest = TRUE, replicates = list(type = "Fay", rho = 0.3))),
  bootstrap = list(r = "svrepdesign(data=d, repweights='^bs_', weights=~weight, type='bootstrap')", plan = given("^bs_", "bootstrap")),
  bootstrap_factors = list(r = "svrepdesign(data=d, repweights='^bsf_', weights=~weight, type='bootstrap', combined.weights=FALSE)",
                           plan = given("^bsf_", "bootstrap", combinedWeights = FALSE)),
  bootstrap_mse = list(r = "svrepdesign(data=d, repweights='^bs_', weights=~weight, type='bootstrap', mse=TRUE)", plan = given("^bs_", "bootstrap", mse = TRUE)),
  subbootstrap = list(r = "svrepdesign(data=d, repweights='^sbs_', weights=~weight, type='bootstrap')  (subbootweights columns: scale 1/(R-1))",
                      plan = given("^sbs_", "subbootstrap")),
  jk1_columns = list(r = "svrepdesign(data=d, repweights='^jk1_', weights=~weight, type='JK1')  (scale guessed (R-1)/R)", plan = given("^jk1_", "JK1")),
  jkn_columns = list(r = "svrepdesign(data=d, repweights='^jkn_', weights=~weight, type='JKn', rscales=jkn_rscales)",
                     plan = given("^jkn_", "JKn", rscales = jkn_rscales)),
  jkn_factors = list(r = "svrepdesign(data=d, repweights='^jknf_', weights=~weight, type='JKn', combined.weights=FALSE)  (rscales guessed)",
                     plan = given("^jknf_", "JKn", combinedWeights = FALSE)),
  brr_columns = list(r = "svrepdesign(data=d, repweights='^brr_', weights=~weight, type='BRR')", plan = given("^brr_", "BRR")),
  fay_columns = list(r = "svrepdesign(data=d, repweights='^fay_', weights=~weight, type='Fay', rho=0.5)", plan = given("^fay_", "Fay", rho = 0.5)),
  acs = list(r = "svrepdesign(data=d, repweights='^sd_', weights=~weight, type='ACS')", plan = given("^sd_", "ACS")),
  successive_difference = list(r = "svrepdesign(data=d, repweights='^sd_', weights=~weight, type='successive-difference')",
                               plan = given("^sd_", "successive-difference")),
  other = list(r = "svrepdesign(data=d, repweights='^oth_', weights=~weight, type='other', scale=other_scale, rscales=other_rscales)",
               plan = given("^oth_", "other", scale = other_scale, rscales = other_rscales))
)
make <- function(key) {
  code <- sub("  \\(.*$", "", designs[[key]]$r)
  suppressWarnings(eval(parse(text = code)))
}
des <- lapply(setNames(names(designs), names(designs)), make)
stopifnot(all(sapply(des, inherits, "svyrep.design")))

# ==== 4. R's numbers for every analysis type ===========================================================
# Each case: a plan analysis, the design it runs on (and the plan's calibration, if any), and the rows the
# plan's results.json must hold, in its field names. Confidence intervals are t intervals with the
# replicate design's degf, as the toolkit gives them on every design (R's svrepstat confint defaults to
# normal quantiles; confint(…, df = degf(design)) is what we match): degf of the design restricted to the
# domain (R's `design[domain, ]` recomputes it: rank of the replicate weights on those rows, minus one).
cases <- list()
add_case <- function(key, analysis, rows, calibration = NULL, note = NULL) {
  cases[[length(cases) + 1]] <<- c(list(design = key, analysis = analysis, rows = rows),
                                   if (!is.null(calibration)) list(calibration = calibration), if (!is.null(note)) list(note = note))
}
q975 <- function(df) qt(0.975, df)
interval <- function(est, se, df) list(ciLow = est - q975(df) * se, ciHigh = est + q975(df) * se)
sub_rows <- function(D, keep) { keep[is.na(keep)] <- FALSE; D[keep, ] }
num <- function(x) unname(as.numeric(x))

mean_like <- function(D, kind, yname, keep = rep(TRUE, nrow(D))) {
  Dd <- sub_rows(D, keep)
  y <- Dd$variables[[yname]]
  s <- if (kind == "mean") svymean(as.formula(paste0("~", yname)), Dd, na.rm = TRUE, deff = TRUE)
       else svytotal(as.formula(paste0("~", yname)), Dd, na.rm = TRUE, deff = TRUE)
  df <- degf(Dd)
  c(list(estimate = num(coef(s)), se = num(SE(s))), interval(num(coef(s)), num(SE(s)), df),
    list(df = df, deff = num(deff(s)), n = sum(!is.na(y))))
}
prop_row <- function(D, expr_text, method, keep = rep(TRUE, nrow(D))) {
  Dd <- sub_rows(D, keep)
  f <- as.formula(paste0("~", expr_text))
  # On replicate designs svyciprop(method = "logit") fails with missing values either way (with na.rm, glm
  # is handed na.rm; without, the svymean for its SE is NA), so it runs on the rows with the variable
  # present and the domain's degf (which is what na.rm = TRUE means for an estimate: the replicate
  # estimates are the same, and the glm's weights are rescaled per replicate anyway).
  x <- eval(parse(text = expr_text), Dd$variables)
  p <- if (method == "logit") eval(bquote(svyciprop(.(f), sub_rows(Dd, !is.na(x)), method = .(method), df = degf(Dd))))
       else eval(bquote(svyciprop(.(f), Dd, method = .(method), na.rm = TRUE)))
  m <- svymean(as.formula(paste0("~as.numeric(", expr_text, ")")), Dd, na.rm = TRUE, deff = TRUE)
  stopifnot(abs(num(coef(m)) - num(coef(p))) < 1e-7)   # logit: expit of the glm intercept (IRLS to 1e-8)
  ci <- confint(p)
  list(estimate = num(coef(p)), se = num(SE(m)), ciLow = num(ci[1]), ciHigh = num(ci[2]), df = degf(Dd), deff = num(deff(m)), n = sum(!is.na(x)))
}
quantile_rows <- function(D, yname, probs, keep = rep(TRUE, nrow(D))) {
  Dd <- sub_rows(D, keep & !is.na(D$variables[[yname]]))
  q <- svyquantile(as.formula(paste0("~", yname)), Dd, probs, na.rm = TRUE)[[yname]]
  lapply(seq_along(probs), function(k) list(probability = probs[k], estimate = num(q[k, 1]), se = num(q[k, 4]),
                                            ciLow = num(q[k, 2]), ciHigh = num(q[k, 3]), df = degf(Dd), n = nrow(Dd)))
}
## Rows used that have each model-matrix column's level (the contract's per-term n): the model frame with
## every numeric variable set to 1, so a column is non-zero exactly where its factor levels hold.
term_n <- function(m) {
  mf <- model.frame(m)
  for (v in names(mf)[-1]) if (is.numeric(mf[[v]])) mf[[v]] <- 1
  colSums(model.matrix(terms(m), mf) != 0)
}
glm_rows <- function(D, formula, family) {
  m <- svyglm(as.formula(formula), D, family = family)
  s <- summary(m)$coefficients
  ci <- confint(m)
  n <- term_n(m)
  lapply(seq_len(nrow(s)), function(k) list(term = rownames(s)[k], estimate = num(s[k, 1]), se = num(s[k, 2]), t = num(s[k, 3]),
                                            pValue = num(s[k, 4]), df = m$df.residual, ciLow = num(ci[k, 1]), ciHigh = num(ci[k, 2]),
                                            n = unname(n[rownames(s)[k]])))
}

core_battery <- function(key, D, calibration = NULL) {
  add_case(key, list(id = "mean_y", type = "mean", variable = "y", naRm = TRUE), list(c(list(domain = setNames(list(), character(0))), mean_like(D, "mean", "y"))), calibration)
  add_case(key, list(id = "total_y", type = "total", variable = "y", naRm = TRUE), list(c(list(domain = setNames(list(), character(0))), mean_like(D, "total", "y"))), calibration)
  add_case(key, list(id = "mean_y_by_h", type = "mean", variable = "y", by = list("h"), naRm = TRUE),
           lapply(c("f", "m"), function(l) c(list(domain = list(h = l)), mean_like(D, "mean", "y", D$variables$h == l))), calibration)
  add_case(key, list(id = "prop_yes", type = "proportion", variable = "yes", level = "yes", ci = "logit", naRm = TRUE),
           list(c(list(domain = setNames(list(), character(0)), level = "yes"), prop_row(D, "I(yes == 'yes')", "logit"))), calibration)
  add_case(key, list(id = "quantile_y", type = "quantile", variable = "y", probs = list(0.25, 0.5, 0.9), naRm = TRUE),
           lapply(quantile_rows(D, "y", c(0.25, 0.5, 0.9)), function(r) c(list(domain = setNames(list(), character(0))), r)), calibration)
  add_case(key, list(id = "glm_gaussian", type = "glm", formula = "y ~ x2 + grp", family = "gaussian"), glm_rows(D, "y ~ x2 + grp", gaussian()), calibration)
  tt <- svyttest(y ~ h, D)
  add_case(key, list(id = "ttest_y_h", type = "ttest", variable = "y", by = "h"),
           list(list(domain = setNames(list(), character(0)), estimate = num(tt$estimate), se = num(tt$estimate / tt$statistic), t = num(tt$statistic),
                     df = num(tt$parameter), pValue = num(tt$p.value), ciLow = num(tt$conf.int[1]), ciHigh = num(tt$conf.int[2]),
                     levels = list("f", "m"), n = sum(!is.na(D$variables$y)))), calibration)
}

full_battery <- function(key, D) {
  core_battery(key, D)
  v <- D$variables
  add_case(key, list(id = "ratio_y_x2", type = "ratio", numerator = "y", denominator = "x2", naRm = TRUE), list({
    s <- svyratio(~y, ~x2, D, na.rm = TRUE)
    Dd <- sub_rows(D, !is.na(v$y) & !is.na(v$x2))
    r <- num(coef(s))
    # R 4.1's svyratio cannot give deff on replicate designs (an error); this is the deff it means,
    # the linearisation one's: deff(svytotal(y − R̂ x2)) on the rows used.
    resid <- Dd$variables$y - r * Dd$variables$x2
    dt <- svytotal(~I(y - r * x2), update(Dd, r = r), deff = TRUE)
    c(list(domain = setNames(list(), character(0)), estimate = r, se = num(SE(s))), interval(r, num(SE(s)), degf(D)),
      list(df = degf(D), deff = num(deff(dt)), n = nrow(Dd)))
  }))
  for (m in c("beta", "mean")) {
    add_case(key, list(id = paste0("prop_yes_", m), type = "proportion", variable = "yes", level = "yes", ci = m, naRm = TRUE),
             list(c(list(domain = setNames(list(), character(0)), level = "yes"), prop_row(D, "I(yes == 'yes')", m))))
  }
  add_case(key, list(id = "dist_grp", type = "distribution", variable = "grp", ci = "logit"), lapply(c("a", "b", "c"), function(l) {
    s <- svymean(~grp, D, deff = TRUE)
    k <- match(paste0("grp", l), names(coef(s)))
    p <- svyciprop(bquote(~I(grp == .(l))), D, method = "logit")
    ci <- confint(p)
    stopifnot(abs(num(coef(p)) - num(coef(s)[k])) < 1e-10)
    list(domain = setNames(list(), character(0)), level = l, estimate = num(coef(s)[k]), se = num(SE(s)[k]), ciLow = num(ci[1]), ciHigh = num(ci[2]),
         df = degf(D), deff = num(deff(s))[k], n = nrow(D), count = sum(v$grp == l))
  }))
  # domains: one and two factors (svyby as subset per domain; checked against svyby)
  b <- svyby(~y, ~grp, D, svymean, na.rm = TRUE, deff = TRUE)
  rows_g <- lapply(c("a", "b", "c"), function(l) c(list(domain = list(grp = l)), mean_like(D, "mean", "y", v$grp == l)))
  stopifnot(max(abs(sapply(rows_g, `[[`, "estimate") - coef(b))) < 1e-10, max(abs(sapply(rows_g, `[[`, "se") - SE(b))) < 1e-10)
  add_case(key, list(id = "mean_y_by_grp", type = "mean", variable = "y", by = list("grp"), naRm = TRUE), rows_g)
  combos <- expand.grid(grp = c("a", "b", "c"), h = c("f", "m"), stringsAsFactors = FALSE)
  add_case(key, list(id = "mean_y_by_grp_h", type = "mean", variable = "y", by = list("grp", "h"), naRm = TRUE),
           lapply(seq_len(nrow(combos)), function(k) c(list(domain = list(grp = combos$grp[k], h = combos$h[k])),
                                                       mean_like(D, "mean", "y", v$grp == combos$grp[k] & v$h == combos$h[k]))))
  add_case(key, list(id = "total_y_by_grp", type = "total", variable = "y", by = list("grp"), naRm = TRUE),
           lapply(c("a", "b", "c"), function(l) c(list(domain = list(grp = l)), mean_like(D, "total", "y", v$grp == l))))
  add_case(key, list(id = "prop_yes_by_grp", type = "proportion", variable = "yes", level = "yes", by = list("grp"), naRm = TRUE),
           lapply(c("a", "b", "c"), function(l) c(list(domain = list(grp = l), level = "yes"), prop_row(D, "I(yes == 'yes')", "logit", v$grp == l))))
  add_case(key, list(id = "quantile_y_by_h", type = "quantile", variable = "y", probs = list(0.5), by = list("h"), naRm = TRUE),
           unlist(lapply(c("f", "m"), function(l) lapply(quantile_rows(D, "y", 0.5, v$h == l), function(r) c(list(domain = list(h = l)), r))), recursive = FALSE))
  # contrast of two domain means (svyby with covmat: the replicates give the covariance of the domains)
  bc <- svyby(~y, ~grp, subset(D, !is.na(y)), svymean, covmat = TRUE)
  for (pair in list(c("a", "b"), c("c", "a"))) {
    con <- setNames(c(0, 0, 0), c("a", "b", "c")); con[pair[1]] <- 1; con[pair[2]] <- -1
    s <- svycontrast(bc, con)
    est <- num(coef(s)); se <- num(SE(s)); df <- degf(D)
    add_case(key, list(id = paste0("contrast_", pair[1], "_", pair[2]), type = "contrast", variable = "y", by = "grp", levels = as.list(pair), naRm = TRUE),
             list(c(list(domain = setNames(list(), character(0)), estimate = est, se = se, t = est / se, df = df, pValue = 2 * pt(-abs(est / se), df)),
                    interval(est, se, df), list(n = sum(!is.na(v$y) & v$grp %in% pair)))))
  }
  for (st in c("F", "Chisq")) {
    for (vars in list(c("grp", "h"), c("yes", "grp"))) {
      r <- svychisq(as.formula(paste("~", vars[1], "+", vars[2])), D, statistic = st)
      row <- if (st == "F") list(statistic = num(r$statistic), ndf = num(r$parameter[1]), ddf = num(r$parameter[2]), pValue = num(r$p.value), method = "Rao-Scott F")
             else list(statistic = num(r$statistic), df = num(r$parameter[1]), pValue = num(r$p.value), method = "Rao-Scott chisq")
      add_case(key, list(id = paste0("chisq_", vars[1], "_", vars[2], "_", st), type = "chisq", rows = vars[1], cols = vars[2], statistic = st),
               list(c(row, list(n = sum(!is.na(v[[vars[1]]]) & !is.na(v[[vars[2]]]))))))
    }
  }
  add_case(key, list(id = "glm_quasibinomial", type = "glm", formula = "yes ~ x2 + h", family = "quasibinomial", success = "yes"),
           glm_rows(D, "I(yes == 'yes') ~ x2 + h", quasibinomial()))
  add_case(key, list(id = "glm_quasipoisson", type = "glm", formula = "count ~ x2 + grp", family = "quasipoisson"),
           glm_rows(D, "count ~ x2 + grp", quasipoisson()))
  # design-based alpha (svycralpha with the replicate design's full-sample weights), vb4 reversed
  Da <- update(D, vb4r = 6 - vb4)
  items <- c("vb1", "vb2", "vb3", "vb4r")
  alpha_of <- function(its) svycralpha(as.formula(paste("~", paste(its, collapse = "+"))), Da, na.rm = TRUE)
  add_case(key, list(id = "alpha_weighted", type = "alpha", items = list("vb1", "vb2", "vb3", "vb4"), reverse = list("vb4"), weighted = TRUE),
           list(list(alpha = num(alpha_of(items)), n = sum(complete.cases(v[, c("vb1", "vb2", "vb3", "vb4")])),
                     items = lapply(seq_along(items), function(k) list(item = c("vb1", "vb2", "vb3", "vb4")[k], alphaIfDropped = num(alpha_of(items[-k])))))))
}

for (key in names(des)) {
  cat("design", key, "\n")
  if (key %in% c("jkn_made", "bootstrap", "bootstrap_factors", "jkn_columns", "brr_made")) full_battery(key, des[[key]]) else core_battery(key, des[[key]])
}

# ---- ordinal models: svyolr.svyrep.design, with every fit at its maximum ----------------------------------
# svyolr on a replicate design fits MASS::polr with the full-sample weights and refits it for each replicate
# from that start (R's svyolr.svyrep.design), then takes svrVar of the replicate estimates. polr's BFGS stops
# short of the maximum (about 1e-4 relative with its default control, which svyolr does not let one change
# for the replicate fits), and the replicates' spread is small, so R's own SEs carry that error. The
# reference takes svyolr's recipe with each fit polished to its maximum: polr with reltol 1e-14 from R's
# solution, then Newton steps on the analytic gradient with optimHess until the step is below 1e-12.
# The note of each case records how far R's own svyolr (default control) is from it. For probit and cloglog
# that is far: survey 4.1's svyolr.svyrep.design refits the replicates without passing `method` on, so they
# are logistic fits started from the probit (cloglog) estimates, and its SEs for those links mean nothing.
# The reference refits every replicate with the model's own link.
olr_links <- c(logit = "logistic", probit = "probit", cloglog = "cloglog")
olr_problem <- function(D, formula, link) {
  mf <- model.frame(as.formula(formula), D$variables, na.action = na.pass)
  keep <- complete.cases(mf)
  x <- model.matrix(as.formula(formula), mf[keep, , drop = FALSE])[, -1, drop = FALSE]
  y <- unclass(model.response(mf[keep, , drop = FALSE]))
  q <- nlevels(model.response(mf)) - 1
  pc <- ncol(x)
  pfun <- switch(link, logit = plogis, probit = pnorm, cloglog = survey:::pgumbel)
  dfun <- switch(link, logit = dlogis, probit = dnorm, cloglog = survey:::dgumbel)
  pieces <- function(par) {
    theta <- par[pc + 1:q]
    ends <- c(-100, cumsum(c(theta[1], exp(theta[-1]))), 100)
    eta <- drop(x %*% par[seq_len(pc)])
    list(theta = theta, pr = pfun(ends[y + 1] - eta) - pfun(ends[y] - eta), p1 = dfun(ends[y + 1] - eta), p2 = dfun(ends[y] - eta))
  }
  value <- function(par, wt) -sum(wt * log(pieces(par)$pr))
  gradient <- function(par, wt) {
    r <- pieces(par)
    g_beta <- colSums(x * (wt * (r$p1 - r$p2) / r$pr))
    g_zeta <- sapply(seq_len(q), function(j) -sum((wt * r$p1 / r$pr)[y == j]) + sum((wt * r$p2 / r$pr)[y == j + 1]))
    jac <- matrix(0, q, q)
    jac[, 1] <- 1
    if (q > 1) for (i in 2:q) jac[i:q, i] <- exp(r$theta[i])
    c(g_beta, drop(t(jac) %*% g_zeta))
  }
  list(keep = keep, pc = pc, q = q, x = x, value = value, gradient = gradient)
}
olr_at_max <- function(problem, formula, data, w, link, start) {
  environment(formula) <- environment()
  fit <- suppressWarnings(polr(as.formula(formula), data = data, weights = w, start = start, method = olr_links[[link]],
                               control = list(reltol = 1e-14, maxit = 1000)))
  par <- c(fit$coefficients, fit$zeta[1], log(diff(fit$zeta)))
  wk <- w[problem$keep]
  for (i in 1:30) {
    hess <- optimHess(par, problem$value, problem$gradient, wt = wk, control = list(ndeps = rep(1e-6, length(par))))
    step <- solve(hess, problem$gradient(par, wk))
    par <- par - step
    if (max(abs(step)) < 1e-12) break
  }
  stopifnot(max(abs(step)) < 1e-10)
  pc <- problem$pc
  c(par[seq_len(pc)], cumsum(c(par[pc + 1], exp(par[pc + 1 + seq_len(problem$q - 1)]))))
}
olr_case <- function(key, D, formula, link) {
  problem <- olr_problem(D, formula, link)
  data <- model.frame(D)
  pwt <- weights(D, "sampling")
  rfit <- svyolr(as.formula(formula), D, method = olr_links[[link]])
  start <- c(rfit$coefficients, rfit$zeta)
  full <- olr_at_max(problem, formula, data, pwt, link, start)
  rw <- weights(D, "analysis")
  betas <- sapply(seq_len(ncol(rw)), function(r) olr_at_max(problem, formula, data, rw[, r], link, full))
  v <- svrVar(t(betas), D$scale, D$rscales, mse = D$mse, coef = full)
  se <- sqrt(diag(as.matrix(v)))
  df <- degf(D) - problem$pc
  names_ <- c(names(rfit$coefficients), names(rfit$zeta))
  mf <- model.frame(as.formula(formula), D$variables)
  for (vname in names(mf)[-1]) if (is.numeric(mf[[vname]])) mf[[vname]] <- 1
  xn <- model.matrix(as.formula(formula), mf)[, -1, drop = FALSE]
  term_n <- colSums(xn != 0)
  nused <- sum(problem$keep)
  rows <- lapply(seq_along(full), function(j) {
    t <- full[j] / se[j]
    c(list(term = names_[j], kind = if (j <= problem$pc) "coefficient" else "cutpoint", estimate = full[j], se = se[j], t = t,
           pValue = 2 * pt(-abs(t), df)), interval(full[j], se[j], df),
      list(df = df, n = if (j <= problem$pc) unname(term_n[names_[j]]) else nused))
  })
  rdev <- max(abs(c(c(rfit$coefficients, rfit$zeta) / full - 1, SE(rfit) / se - 1)))
  add_case(key, list(id = paste0("ordinal_", link), type = "ordinal", formula = sub("att_f", "att", formula), link = link), lapply(rows, function(r) lapply(r, unname)),
           note = sprintf("svyolr.svyrep.design with every fit at its maximum%s; R's own svyolr differs by %.1e (relative)",
                          if (link == "logit") "" else " and the replicates refit with the model's link (R refits them as logistic)", rdev))
}
for (key in c("jkn_made", "bootstrap", "fay_made", "jkn_made_mse")) {
  for (link in names(olr_links)) olr_case(key, des[[key]], "att_f ~ x2 + h", link)
}

# ---- calibration of a replicate design: every replicate calibrated as the full sample ---------------------
pop <- list(grp = c(a = 7000, b = 5800, c = 3200), area = c(rural = 9800, urban = 6200))
pop_table <- function(var) { t <- data.frame(names(pop[[var]]), as.numeric(pop[[var]])); names(t) <- c(var, "Freq"); t }
calibrations <- list(
  rake = list(plan = list(method = "rake", margins = lapply(pop, as.list)),
              make = function(D) rake(D, list(~grp, ~area), list(pop_table("grp"), pop_table("area")))),
  poststratify = list(plan = list(method = "poststratify", margins = list(grp = as.list(pop$grp))),
                      make = function(D) postStratify(D, ~grp, pop_table("grp"))),
  linear = list(plan = list(method = "linear", margins = lapply(pop, as.list)),
                make = function(D) calibrate(D, list(~grp, ~area), list(pop_table("grp"), pop_table("area")), compress = FALSE))  # compress = NA fails on uncompressed weights in 4.1
)
for (key in c("jkn_made", "bootstrap", "bootstrap_factors")) {
  for (cal in names(calibrations)) {
    Dc <- calibrations[[cal]]$make(des[[key]])
    core_battery(key, Dc, calibration = calibrations[[cal]]$plan)
  }
}

# ---- replicate estimates of one mean, for the weight-storage tests -----------------------------------------
replicate_means <- lapply(des, function(D) {
  s <- svymean(~y, D, na.rm = TRUE, return.replicates = TRUE)
  list(estimate = num(s$mean), replicates = num(s$replicates), variance = num(attr(s$mean, "var")), scale = D$scale, rscales = num(D$rscales), degf = degf(D))
})

json_out(list(generated_with = sprintf("R %s.%s survey %s", R.version$major, R.version$minor, as.character(packageVersion("survey"))),
              note = "Synthetic data (replicates.csv), generated by scripts/reference/replicates.R; no real respondents.",
              designs = lapply(designs, function(x) list(r = x$r, plan = x$plan)),
              replicateMeans = replicate_means, cases = cases),
         file.path(fixtures, "replicates.json"))
cat("wrote replicates.csv and replicates.json:", length(cases), "cases\n")
