#!/usr/bin/env Rscript
# Reference values for @leakrisk/survey's design-based estimators (packages/survey/src/design, src/estimate).
# Writes packages/survey/test/fixtures/estimators.csv (a small SYNTHETIC survey, no real people) and
# packages/survey/test/fixtures/estimators.json (R's numbers for it). Run from the repository root:
#   Rscript scripts/reference/estimators.R
# Needs R with the survey and jsonlite packages (Debian: r-cran-survey r-cran-jsonlite).
suppressPackageStartupMessages({ library(survey); library(jsonlite) })
invisible(Sys.setlocale("LC_COLLATE", "C"))   # level order = code-point order, as the toolkit sorts
out_dir <- "packages/survey/test/fixtures"

# ---- synthetic data -------------------------------------------------------------------------------
set.seed(20240601)
psus_per_stratum <- c(s1 = 4, s2 = 3, s3 = 5, s4 = 3, s5 = 6, s6 = 1)   # s6: a lonely PSU
rows <- list()
for (s in names(psus_per_stratum)) {
  k <- psus_per_stratum[[s]]
  for (p in seq_len(k)) {
    nhh <- sample(2:4, 1)
    psu_weight <- runif(1, 20, 80)
    for (h in seq_len(nhh)) {
      m <- sample(1:3, 1)
      rows[[length(rows) + 1]] <- data.frame(
        stratum = s, psu = p, hh = h,
        fpc1 = 4 * k + 1, fpc2 = 3 * nhh,
        weight = round(psu_weight * runif(m, 0.8, 1.2), 3),
        stringsAsFactors = FALSE)
    }
  }
}
d <- do.call(rbind, rows)
n <- nrow(d)
d$y <- sample(1:7, n, replace = TRUE)
d$y[sample(n, round(0.08 * n))] <- NA
d$x2 <- round(runif(n, 1, 5), 2)
d$x2[sample(n, round(0.05 * n))] <- NA
d$g <- sample(c("a", "b", "c"), n, replace = TRUE, prob = c(0.45, 0.35, 0.2))
# In s1, level "c" occurs in one PSU only: a lonely PSU inside the domain g == "c".
d$g[d$stratum == "s1" & d$g == "c" & d$psu != 1] <- "a"
if (!any(d$stratum == "s1" & d$g == "c")) d$g[which(d$stratum == "s1" & d$psu == 1)[1]] <- "c"
d$yes <- ifelse(runif(n) < 0.3 + 0.04 * d$psu, "yes", "no")
d$yes[sample(n, round(0.05 * n))] <- NA
d$fpc1f <- psus_per_stratum[d$stratum] / d$fpc1                          # the same fpc as fractions
d$fpc2f <- ave(d$hh, d$stratum, d$psu, FUN = function(h) length(unique(h))) / d$fpc2
write.csv(d, file.path(out_dir, "estimators.csv"), row.names = FALSE, na = "")

# ---- designs ----------------------------------------------------------------------------------------
designs <- list(
  lonely = "svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, nest = TRUE, data = d)",
  lonely_fpc = "svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, fpc = ~fpc1, nest = TRUE, data = d)",
  twostage = "svydesign(ids = ~psu + hh, strata = ~stratum, fpc = ~fpc1 + fpc2, nest = TRUE, data = subset(d, stratum != 's6'))",
  twostage_frac = "svydesign(ids = ~psu + hh, strata = ~stratum, weights = ~weight, fpc = ~fpc1f + fpc2f, nest = TRUE, data = subset(d, stratum != 's6'))",
  # An fpc for stage 1 only: stage 2 with replacement (survey >= 4.2 pads it so; 4.1 needs an explicit Inf).
  twostage_stage1fpc = "svydesign(ids = ~psu + hh, strata = ~stratum, weights = ~weight, fpc = ~fpc1 + fpcinf, nest = TRUE, data = transform(subset(d, stratum != 's6'), fpcinf = Inf))",
  nolonely = "svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, nest = TRUE, data = subset(d, stratum != 's6'))"
)
make <- function(key) suppressWarnings(eval(parse(text = designs[[key]])))

cases <- list()
add <- function(...) cases[[length(cases) + 1]] <<- list(...)
num <- function(x) { x <- as.numeric(x); if (length(x) == 1 && is.na(x)) NULL else x }

stat_case <- function(id, design, rule, adl, what, s, ci_df = NULL) {
  entry <- list(id = id, design = design, lonely = rule, adjustDomainLonely = adl, what = what,
                estimate = unname(num(coef(s))), se = unname(num(SE(s))))
  dd <- attr(s, "deff"); if (!is.null(dd)) entry$deff <- unname(num(diag(as.matrix(dd))))
  if (!is.null(ci_df)) { ci <- confint(s, df = ci_df); entry$ci_low <- unname(ci[1, 1]); entry$ci_high <- unname(ci[1, 2]); entry$df <- ci_df }
  do.call(add, entry)
}

by_cases <- function(prefix, key, rule, adl, what, b) {
  cf <- coef(b); se <- SE(b); df <- if ("DEff" %in% names(b) || any(grepl("^DEff", names(b)))) deff(b) else NULL
  for (lev in names(cf)) {
    entry <- list(id = paste0(prefix, ".", lev), design = key, lonely = rule, adjustDomainLonely = adl,
                  what = paste0(what, " [g=", lev, "]"), domain = lev,
                  estimate = unname(cf[[lev]]), se = unname(se[[match(lev, names(cf))]]))
    if (!is.null(df)) entry$deff <- unname(df[[match(lev, names(cf))]])
    do.call(add, entry)
  }
}

# svyby with two factors: one case per row of R's result, in R's order (the first factor varies
# fastest; empty groups dropped), with the row's position and its level of each factor.
by2_cases <- function(prefix, key, rule, adl, what, b) {
  cf <- coef(b); se <- SE(b); dd <- deff(b)
  for (k in seq_along(cf)) {
    add(id = paste0(prefix, ".", k), design = key, lonely = rule, adjustDomainLonely = adl,
        what = sprintf("%s [row %d: gz=%s, yes=%s]", what, k, b$gz[k], b$yes[k]),
        by = list(gz = as.character(b$gz[k]), yes = as.character(b$yes[k])), position = k, rows = length(cf),
        levels = c("a", "b", "c", "z"),
        estimate = unname(cf[[k]]), se = unname(se[[k]]), deff = unname(dd[[k]]))
  }
}

# ---- lonely PSU rules (design with the singleton stratum s6, and a lonely PSU in domain g == "c") -----
for (rule in c("remove", "certainty", "adjust", "average")) {
  for (adl in c(FALSE, TRUE)) {
    options(survey.lonely.psu = rule, survey.adjust.domain.lonely = adl)
    for (key in c("lonely", "lonely_fpc")) {
      des <- make(key)
      tag <- paste(key, rule, if (adl) "adl" else "noadl", sep = ".")
      stat_case(paste0(tag, ".mean.y"), key, rule, adl, "svymean(~y, na.rm = TRUE, deff = TRUE)",
                suppressWarnings(svymean(~y, des, na.rm = TRUE, deff = TRUE)), ci_df = degf(des))
      stat_case(paste0(tag, ".total.y"), key, rule, adl, "svytotal(~y, na.rm = TRUE, deff = TRUE)",
                suppressWarnings(svytotal(~y, des, na.rm = TRUE, deff = TRUE)), ci_df = degf(des))
      stat_case(paste0(tag, ".ratio.y_x2"), key, rule, adl, "svyratio(~y, ~x2, na.rm = TRUE)",
                suppressWarnings(svyratio(~y, ~x2, des, na.rm = TRUE)))
      by_cases(paste0(tag, ".by_g.mean.y"), key, rule, adl, "svyby(~y, ~g, svymean, na.rm = TRUE, deff = TRUE)",
               suppressWarnings(svyby(~y, ~g, des, svymean, na.rm = TRUE, deff = TRUE)))
      by_cases(paste0(tag, ".by_g.total.y"), key, rule, adl, "svyby(~y, ~g, svytotal, na.rm = TRUE, deff = TRUE)",
               suppressWarnings(svyby(~y, ~g, des, svytotal, na.rm = TRUE, deff = TRUE)))
    }
  }
}
options(survey.lonely.psu = "fail", survey.adjust.domain.lonely = FALSE)
failed <- tryCatch({ svymean(~y, make("lonely"), na.rm = TRUE); FALSE }, error = function(e) TRUE)
add(id = "lonely.fail.mean.y", design = "lonely", lonely = "fail", adjustDomainLonely = FALSE,
    what = "svymean(~y, na.rm = TRUE) with survey.lonely.psu = 'fail'", error = failed)
# A domain that does not touch the lonely stratum still works under "fail".
des <- make("lonely")
s <- svymean(~y, subset(des, stratum != "s6"), na.rm = TRUE, deff = TRUE)
stat_case("lonely.fail.mean.y.domain_not_s6", "lonely", "fail", FALSE, "svymean(~y, subset(d, stratum != 's6'), na.rm = TRUE)", s)

# ---- missing values without na.rm: NA -----------------------------------------------------------------
des <- make("nolonely")
add(id = "nolonely.mean.y.na", design = "nolonely", lonely = "fail", adjustDomainLonely = FALSE,
    what = "svymean(~y) with missing values, na.rm = FALSE", estimate_is_na = is.na(coef(svymean(~y, des))))

# ---- multistage with fpc ---------------------------------------------------------------------------
for (key in c("twostage", "twostage_frac", "twostage_stage1fpc", "nolonely")) {
  des <- make(key)
  stat_case(paste0(key, ".mean.y"), key, "fail", FALSE, "svymean(~y, na.rm = TRUE, deff = TRUE)",
            svymean(~y, des, na.rm = TRUE, deff = TRUE), ci_df = degf(des))
  stat_case(paste0(key, ".mean.y.replace"), key, "fail", FALSE, "svymean(~y, na.rm = TRUE, deff = 'replace')",
            svymean(~y, des, na.rm = TRUE, deff = "replace"))
  stat_case(paste0(key, ".total.y"), key, "fail", FALSE, "svytotal(~y, na.rm = TRUE, deff = TRUE)",
            svytotal(~y, des, na.rm = TRUE, deff = TRUE), ci_df = degf(des))
  stat_case(paste0(key, ".total.y.replace"), key, "fail", FALSE, "svytotal(~y, na.rm = TRUE, deff = 'replace')",
            svytotal(~y, des, na.rm = TRUE, deff = "replace"))
  stat_case(paste0(key, ".ratio.y_x2"), key, "fail", FALSE, "svyratio(~y, ~x2, na.rm = TRUE, deff = TRUE)",
            svyratio(~y, ~x2, des, na.rm = TRUE, deff = TRUE))
  by_cases(paste0(key, ".by_g.mean.y"), key, "fail", FALSE, "svyby(~y, ~g, svymean, na.rm = TRUE, deff = TRUE)",
           svyby(~y, ~g, des, svymean, na.rm = TRUE, deff = TRUE))
  add(id = paste0(key, ".df"), design = key, lonely = "fail", adjustDomainLonely = FALSE, what = "degf(design)", df = degf(des))

  # proportions: svyciprop, every method, whole sample and per domain
  for (m in c("logit", "beta", "mean")) {
    p <- svyciprop(~I(yes == "yes"), des, method = m, na.rm = TRUE)
    ci <- confint(p)
    add(id = paste0(key, ".prop.", m), design = key, lonely = "fail", adjustDomainLonely = FALSE,
        what = sprintf("svyciprop(~I(yes == 'yes'), method = '%s', na.rm = TRUE)", m),
        estimate = unname(coef(p)[1]), se = unname(SE(p)[1]), ci_low = unname(ci[1, 1]), ci_high = unname(ci[1, 2]), df = degf(des))
    for (lev in c("a", "b", "c")) {
      sub <- subset(des, g == lev)
      p <- svyciprop(~I(yes == "yes"), sub, method = m, na.rm = TRUE)
      ci <- confint(p)
      add(id = paste0(key, ".prop.", m, ".", lev), design = key, lonely = "fail", adjustDomainLonely = FALSE, domain = lev,
          what = sprintf("svyciprop(~I(yes == 'yes'), subset(design, g == '%s'), method = '%s', na.rm = TRUE)", lev, m),
          estimate = unname(coef(p)[1]), se = unname(SE(p)[1]), ci_low = unname(ci[1, 1]), ci_high = unname(ci[1, 2]), df = degf(sub))
    }
  }
  # distribution of g: svymean(~g, deff = TRUE)
  s <- svymean(~g, des, deff = TRUE)
  add(id = paste0(key, ".dist.g"), design = key, lonely = "fail", adjustDomainLonely = FALSE, what = "svymean(~g, deff = TRUE)",
      levels = c("a", "b", "c"), estimate = unname(coef(s)), se = unname(SE(s)), deff = unname(deff(s)))

  # quantiles with ties, several probabilities, whole sample and in a domain
  probs <- c(0.1, 0.25, 0.5, 0.75, 0.9)
  q <- svyquantile(~y, des, probs, na.rm = TRUE)
  add(id = paste0(key, ".quantile.y"), design = key, lonely = "fail", adjustDomainLonely = FALSE,
      what = "svyquantile(~y, c(.1,.25,.5,.75,.9), na.rm = TRUE)", probs = probs,
      estimate = unname(q$y[, 1]), ci_low = unname(q$y[, 2]), ci_high = unname(q$y[, 3]), se = unname(q$y[, 4]))
  q <- svyquantile(~x2, subset(des, g == "b"), probs, na.rm = TRUE)
  add(id = paste0(key, ".quantile.x2.b"), design = key, lonely = "fail", adjustDomainLonely = FALSE, domain = "b",
      what = "svyquantile(~x2, subset(design, g == 'b'), c(.1,.25,.5,.75,.9), na.rm = TRUE)", probs = probs,
      estimate = unname(q$x2[, 1]), ci_low = unname(q$x2[, 2]), ci_high = unname(q$x2[, 3]), se = unname(q$x2[, 4]))

  # contrasts of domain means
  # (survey 4.1's svyby(covmat = TRUE) cannot combine with na.rm, so the rows missing y are dropped
  # first; for a design without calibration this is exactly the na.rm domain.)
  b <- svyby(~y, ~g, subset(des, !is.na(y)), svymean, covmat = TRUE)
  for (pair in list(c("a", "b"), c("c", "a"))) {
    con <- setNames(c(0, 0, 0), c("a", "b", "c")); con[pair[1]] <- 1; con[pair[2]] <- -1
    s <- svycontrast(b, con)
    add(id = paste0(key, ".contrast.y.", pair[1], "_", pair[2]), design = key, lonely = "fail", adjustDomainLonely = FALSE,
        what = sprintf("svycontrast(svyby(~y, ~g, subset(design, !is.na(y)), svymean, covmat = TRUE), %s - %s)", pair[1], pair[2]),
        levels = pair, estimate = unname(coef(s)), se = unname(SE(s)), df = degf(des),
        p_value = 2 * pt(-abs(unname(coef(s)) / unname(SE(s))), degf(des)))
  }
}

# ---- svyby with two factors: R's order, empty groups (every gz == "z") dropped, NA in yes in no group ----
for (key in c("nolonely", "twostage")) {
  des <- update(make(key), gz = factor(g, levels = c("a", "b", "c", "z")))
  for (stat in c("mean", "total")) {
    fun <- if (stat == "mean") svymean else svytotal
    by2_cases(paste0(key, ".by_gz_yes.", stat, ".y"), key, "fail", FALSE,
              sprintf("svyby(~y, ~gz + yes, %s, na.rm = TRUE, deff = TRUE), gz = factor(g, levels = c('a', 'b', 'c', 'z'))", if (stat == "mean") "svymean" else "svytotal"),
              svyby(~y, ~gz + yes, des, fun, na.rm = TRUE, deff = TRUE))
  }
}

out <- list(
  generated_with = sprintf("R %s.%s survey %s", R.version$major, R.version$minor, as.character(packageVersion("survey"))),
  note = "Synthetic data (estimators.csv), generated by scripts/reference/estimators.R; no real respondents.",
  designs = designs,
  cases = cases
)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null", na = "null"),
           file.path(out_dir, "estimators.json"))
cat("wrote", length(cases), "cases\n")
