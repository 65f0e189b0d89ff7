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
