## Reference values for calibration and model-based inference in @leakrisk/survey.
##
## Run from the repository root:   Rscript scripts/reference/models.R
## Writes packages/survey/test/fixtures/models.json. CI does not need R: the JSON is committed.
## Data: the California API samples shipped with the survey package (the same rows as
## packages/survey/test/fixtures/api*.csv). Margins marked "made up" are illustrative totals, not facts.

suppressMessages({ library(survey); library(jsonlite) })
data(api)

designs <- list(
  strat = "svydesign(id=~1, strata=~stype, weights=~pw, data=apistrat, fpc=~fpc)",
  clus1 = "svydesign(id=~dnum, weights=~pw, data=apiclus1, fpc=~fpc)",
  clus2 = "svydesign(id=~dnum+snum, fpc=~fpc1+fpc2, data=apiclus2)"
)
des <- lapply(designs, function(code) eval(parse(text = code)))

## margins as named vectors: level -> population total
margin_table <- function(var, totals) {
  df <- data.frame(names(totals), as.numeric(totals))
  names(df) <- c(var, "Freq")
  df
}
margins_json <- function(margins) lapply(margins, function(m) as.list(m))

stat_row <- function(est) list(estimate = unname(coef(est))[1], se = unname(SE(est))[1])
estimates_after <- function(d) list(
  mean_api00 = stat_row(svymean(~api00, d)),
  total_enroll = stat_row(svytotal(~enroll, d, na.rm = TRUE)),
  mean_acs_k3 = stat_row(svymean(~acs.k3, d, na.rm = TRUE)),
  by_comp_imp = lapply(split(seq_len(2), c("No", "Yes")), function(i) {
    b <- svyby(~api00, ~comp.imp, d, svymean)
    list(estimate = unname(coef(b))[i], se = unname(SE(b))[i])
  })
)

## number of IPF passes rake() makes before it stops (smallest maxit that converges)
rake_passes <- function(d, sm, pm, epsilon) {
  for (k in 1:100) {
    ok <- TRUE
    withCallingHandlers(rake(d, sm, pm, control = list(maxit = k, epsilon = epsilon)),
                        warning = function(w) { ok <<- FALSE; invokeRestart("muffleWarning") })
    if (ok) return(k)
  }
  NA
}

max_discrepancy <- function(d, vars, margins) {
  max(sapply(seq_along(vars), function(i) {
    tab <- svytable(as.formula(paste("~", vars[i])), d)
    pop <- margins[[i]]
    max(abs(as.vector(tab[names(pop)]) - as.vector(pop)))
  }))
}

out <- list(generated_with = paste("R", getRversion(), "survey", packageVersion("survey")),
            designs = designs)

## ---- rake ------------------------------------------------------------------------------------
rake_cases <- list(
  list(id = "clus1.rake.stype_schwide", design = "clus1", vars = c("stype", "sch.wide"),
       margins = list(stype = c(E = 4421, H = 755, M = 1018), sch.wide = c(No = 1072, Yes = 5122)),
       epsilon = 1, maxit = 10),
  ## made-up margins for a stratified design, three variables
  list(id = "strat.rake.schwide_awards_yrrnd", design = "strat", vars = c("sch.wide", "awards", "yr.rnd"),
       margins = list(sch.wide = c(No = 1300, Yes = 4894), awards = c(No = 2500, Yes = 3694),
                      yr.rnd = c(No = 5400, Yes = 794)),
       epsilon = 1, maxit = 10),
  list(id = "clus2.rake.stype_schwide", design = "clus2", vars = c("stype", "sch.wide"),
       margins = list(stype = c(E = 4421, H = 755, M = 1018), sch.wide = c(No = 1072, Yes = 5122)),
       epsilon = 1, maxit = 10),
  ## stopped early: relative epsilon (< 1 means a fraction of the sum of weights) and two passes
  list(id = "clus1.rake.unconverged", design = "clus1", vars = c("stype", "sch.wide", "comp.imp"),
       margins = list(stype = c(E = 4421, H = 755, M = 1018), sch.wide = c(No = 1072, Yes = 5122),
                      comp.imp = c(No = 2700, Yes = 3494)),
       epsilon = 1e-9, maxit = 2)
)
out$rake <- lapply(rake_cases, function(cs) {
  d <- des[[cs$design]]
  sm <- lapply(cs$vars, function(v) as.formula(paste("~", v)))
  pm <- mapply(margin_table, cs$vars, cs$margins, SIMPLIFY = FALSE)
  converged <- TRUE
  r <- withCallingHandlers(rake(d, sm, pm, control = list(maxit = cs$maxit, epsilon = cs$epsilon)),
                           warning = function(w) { converged <<- FALSE; invokeRestart("muffleWarning") })
  passes <- if (converged) rake_passes(d, sm, pm, cs$epsilon) else cs$maxit
  list(id = cs$id, design = cs$design, variables = cs$vars, margins = margins_json(cs$margins),
       epsilon = cs$epsilon, maxit = cs$maxit,
       call = sprintf("rake(d, list(%s), margins, control=list(maxit=%d, epsilon=%g))",
                      paste0("~", cs$vars, collapse = ", "), cs$maxit, cs$epsilon),
       converged = converged, iterations = passes,
       maxDiscrepancy = max_discrepancy(r, cs$vars, cs$margins),
       weights = unname(weights(r)), estimates = estimates_after(r))
})

## ---- postStratify -----------------------------------------------------------------------------
ps_cases <- list(
  list(id = "clus1.poststratify.stype", design = "clus1", var = "stype", pop = c(E = 4421, H = 755, M = 1018)),
  list(id = "strat.poststratify.schwide", design = "strat", var = "sch.wide", pop = c(No = 1072, Yes = 5122)),
  list(id = "clus2.poststratify.stype", design = "clus2", var = "stype", pop = c(E = 4421, H = 755, M = 1018))
)
out$postStratify <- lapply(ps_cases, function(cs) {
  p <- postStratify(des[[cs$design]], as.formula(paste("~", cs$var)), margin_table(cs$var, cs$pop))
  list(id = cs$id, design = cs$design, variable = cs$var, population = as.list(cs$pop),
       call = sprintf("postStratify(d, ~%s, pop)", cs$var),
       weights = unname(weights(p)), estimates = estimates_after(p))
})

## ---- calibrate (linear, GREG) -----------------------------------------------------------------
out$calibrateLinear <- list(
  local({
    m <- list(stype = c(E = 4421, H = 755, M = 1018), sch.wide = c(No = 1072, Yes = 5122))
    g <- calibrate(des$clus1, list(~stype, ~sch.wide),
                   list(margin_table("stype", m$stype), margin_table("sch.wide", m$sch.wide)))
    list(id = "clus1.calibrate.margins", design = "clus1", margins = margins_json(m),
         call = "calibrate(d, list(~stype, ~sch.wide), list(pop.stype, pop.schwide), calfun='linear')",
         weights = unname(weights(g)), estimates = estimates_after(g))
  }),
  local({
    m <- list(sch.wide = c(No = 1300, Yes = 4894), awards = c(No = 2500, Yes = 3694))
    g <- calibrate(des$strat, list(~sch.wide, ~awards),
                   list(margin_table("sch.wide", m$sch.wide), margin_table("awards", m$awards)))
    list(id = "strat.calibrate.margins", design = "strat", margins = margins_json(m),
         call = "calibrate(d, list(~sch.wide, ~awards), list(pop.schwide, pop.awards), calfun='linear')",
         weights = unname(weights(g)), estimates = estimates_after(g))
  }),
  local({
    pop <- c(`(Intercept)` = 6194, stypeH = 755, stypeM = 1018, api99 = 3914069)
    g <- calibrate(des$clus1, ~stype + api99, pop)
    list(id = "clus1.calibrate.stype_api99", design = "clus1",
         totals = as.list(pop), columns = c("(Intercept)", "stypeH", "stypeM", "api99"),
         call = "calibrate(d, ~stype+api99, c(`(Intercept)`=6194, stypeH=755, stypeM=1018, api99=3914069))",
         weights = unname(weights(g)), estimates = estimates_after(g))
  }),
  local({
    m <- list(stype = c(E = 4421, H = 755, M = 1018), sch.wide = c(No = 1072, Yes = 5122))
    g <- calibrate(des$clus2, list(~stype, ~sch.wide),
                   list(margin_table("stype", m$stype), margin_table("sch.wide", m$sch.wide)))
    list(id = "clus2.calibrate.margins", design = "clus2", margins = margins_json(m),
         call = "calibrate(d, list(~stype, ~sch.wide), list(pop.stype, pop.schwide), calfun='linear')",
         weights = unname(weights(g)), estimates = estimates_after(g))
  })
)

## ---- trimWeights ------------------------------------------------------------------------------
g_api99 <- calibrate(des$clus1, ~stype + api99, c(`(Intercept)` = 6194, stypeH = 755, stypeM = 1018, api99 = 3914069))
trim_cases <- list(
  list(id = "clus1g.trim.20_45", base = "clus1.calibrate.stype_api99", d = g_api99, lower = 20, upper = 45, strict = FALSE),
  list(id = "clus1g.trim.20_45.strict", base = "clus1.calibrate.stype_api99", d = g_api99, lower = 20, upper = 45, strict = TRUE),
  list(id = "strat.trim.upper40", base = "strat", d = des$strat, lower = -Inf, upper = 40, strict = FALSE),
  list(id = "clus2.trim.lower30_upper60", base = "clus2", d = des$clus2, lower = 30, upper = 60, strict = TRUE)
)
out$trimWeights <- lapply(trim_cases, function(cs) {
  t <- trimWeights(cs$d, lower = cs$lower, upper = cs$upper, strict = cs$strict)
  list(id = cs$id, base = cs$base, lower = if (is.finite(cs$lower)) cs$lower else NULL,
       upper = cs$upper, strict = cs$strict,
       call = sprintf("trimWeights(d, lower=%g, upper=%g, strict=%s)", cs$lower, cs$upper, cs$strict),
       weights = unname(weights(t)), estimates = estimates_after(t))
})

## ---- svyglm ------------------------------------------------------------------------------------
rclus1 <- rake(des$clus1, list(~stype, ~sch.wide),
               list(margin_table("stype", c(E = 4421, H = 755, M = 1018)),
                    margin_table("sch.wide", c(No = 1072, Yes = 5122))))
des_all <- c(des, list(clus1_raked = rclus1))
designs_all <- c(designs, list(clus1_raked = "rake(clus1, list(~stype,~sch.wide), list(pop.stype, pop.schwide))"))
out$designs <- designs_all

## Rows used that have each model-matrix column's level: the model frame with every numeric variable
## set to 1, so a column is non-zero exactly where its factor levels hold (intercept, numeric: all rows).
term_n <- function(m) {
  mf <- model.frame(m)
  for (v in names(mf)[-1]) if (is.numeric(mf[[v]])) mf[[v]] <- 1
  colSums(model.matrix(terms(m), mf) != 0)
}
glm_row <- function(m) {
  s <- summary(m)$coefficients
  ci <- confint(m)
  n <- term_n(m)
  lapply(seq_len(nrow(s)), function(i) list(term = rownames(s)[i], estimate = s[i, 1], se = s[i, 2],
                                            t = s[i, 3], pValue = s[i, 4], ciLow = ci[i, 1], ciHigh = ci[i, 2],
                                            n = unname(n[rownames(s)[i]])))
}
glm_cases <- list(
  list(formula = "api00 ~ ell + meals + stype + comp.imp", family = "gaussian", success = NULL,
       rcall = "api00 ~ ell + meals + stype + comp.imp"),
  list(formula = "sch.wide ~ ell + meals + stype", family = "quasibinomial", success = "Yes",
       rcall = "I(sch.wide == 'Yes') ~ ell + meals + stype"),
  list(formula = "enroll ~ meals + stype + yr.rnd", family = "quasipoisson", success = NULL,
       rcall = "enroll ~ meals + stype + yr.rnd"),
  list(formula = "api00 ~ acs.k3 + meals + awards", family = "gaussian", success = NULL,
       rcall = "api00 ~ acs.k3 + meals + awards"),
  list(formula = "awards ~ acs.k3 + sch.wide", family = "quasibinomial", success = "Yes",
       rcall = "I(awards == 'Yes') ~ acs.k3 + sch.wide"),
  list(formula = "api00 ~ ell + stype * comp.imp + meals:yr.rnd", family = "gaussian", success = NULL,
       rcall = "api00 ~ ell + stype * comp.imp + meals:yr.rnd")
)
out$svyglm <- list()
for (dn in names(des_all)) for (gc in glm_cases) {
  fam <- switch(gc$family, gaussian = gaussian(), quasibinomial = quasibinomial(), quasipoisson = quasipoisson())
  m <- svyglm(as.formula(gc$rcall), design = des_all[[dn]], family = fam)
  out$svyglm[[length(out$svyglm) + 1]] <- list(
    id = paste(dn, gc$family, gsub("[^a-z0-9.]+", "_", gc$formula), sep = "."),
    design = dn, formula = gc$formula, family = gc$family, success = gc$success,
    call = sprintf("svyglm(%s, design, family=%s()); confint(fit)", gc$rcall, gc$family),
    dfResidual = m$df.residual, nUsed = length(m$y), coefficients = glm_row(m))
}

## ---- svyglm under separation -------------------------------------------------------------------
## Synthetic: 12 respondents with weights; the 4 with education "none" all answer yes. R's quasibinomial
## fit stops by its deviance rule with the intercept (reference "none") and both other levels growing
## without bound, and says nothing (glm.fit warns only for the binomial family).
sep <- data.frame(
  weight = c(1.5, 2, 1, 2.5, 1, 2, 1.5, 1, 2, 1, 1.5, 2, 2.5, 1, 1.5, 2),
  age = c(23, 35, 41, 29, 52, 33, 27, 45, 38, 61, 24, 30, 47, 36, 55, 28),
  education = c("none", "none", "none", "none", "primary", "primary", "primary", "primary", "primary", "primary",
                "secondary", "secondary", "secondary", "secondary", "secondary", "secondary"),
  posts = c(1, 1, 1, 1, 0, 1, 0, 0, 1, 0, 1, 0, 1, 1, 0, 0))
sep_design <- svydesign(ids = ~1, weights = ~weight, data = sep)
sep_fit <- svyglm(posts ~ age + education, sep_design, family = quasibinomial())
out$separation <- list(
  data = sep, call = "svyglm(posts ~ age + education, svydesign(ids=~1, weights=~weight, data), family=quasibinomial())",
  iterations = sep_fit$iter, converged = sep_fit$converged, dfResidual = sep_fit$df.residual,
  coefficients = glm_row(sep_fit))
sep$education2 <- ifelse(sep$education == "none", "none", "some")
one <- subset(sep, education != "none")
out$singleLevel <- tryCatch(
  svyglm(posts ~ age + education2, svydesign(ids = ~1, weights = ~weight, data = one), family = quasibinomial()),
  error = conditionMessage)

## ---- svyttest ----------------------------------------------------------------------------------
out$svyttest <- list()
for (dn in names(des_all)) for (tc in list(c("api00", "sch.wide"), c("enroll", "comp.imp"), c("acs.k3", "awards"))) {
  tt <- svyttest(as.formula(paste(tc[1], "~", tc[2])), des_all[[dn]])
  out$svyttest[[length(out$svyttest) + 1]] <- list(
    id = paste(dn, "ttest", tc[1], tc[2], sep = "."), design = dn, variable = tc[1], by = tc[2],
    call = sprintf("svyttest(%s ~ %s, design)", tc[1], tc[2]),
    estimate = unname(tt$estimate), se = unname(tt$estimate / tt$statistic), t = unname(tt$statistic),
    df = unname(tt$parameter), pValue = tt$p.value, ciLow = tt$conf.int[1], ciHigh = tt$conf.int[2])
}

## ---- svychisq ----------------------------------------------------------------------------------
out$svychisq <- list()
for (dn in names(des_all)) for (pair in list(c("sch.wide", "stype"), c("awards", "yr.rnd"), c("stype", "comp.imp"))) {
  f <- as.formula(paste("~", pair[1], "+", pair[2]))
  cF <- svychisq(f, des_all[[dn]], statistic = "F")
  cC <- svychisq(f, des_all[[dn]], statistic = "Chisq")
  out$svychisq[[length(out$svychisq) + 1]] <- list(
    id = paste(dn, "chisq", pair[1], pair[2], sep = "."), design = dn, rows = pair[1], cols = pair[2],
    call = sprintf("svychisq(~%s+%s, design, statistic='F' | 'Chisq')", pair[1], pair[2]),
    F = list(statistic = unname(cF$statistic), ndf = unname(cF$parameter[1]), ddf = unname(cF$parameter[2]),
             pValue = cF$p.value),
    Chisq = list(statistic = unname(cC$statistic), df = unname(cC$parameter[1]), pValue = cC$p.value))
}

## ---- p.adjust BH -------------------------------------------------------------------------------
bh_in <- c(0.01, 0.04, NA, 0.03, 0.2, 0.001, 0.04, 0.5)
out$pAdjustBH <- list(call = "p.adjust(p, method='BH')", p = bh_in, adjusted = p.adjust(bh_in, method = "BH"))

dir.create("packages/survey/test/fixtures", recursive = TRUE, showWarnings = FALSE)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null", na = "null", pretty = TRUE),
           "packages/survey/test/fixtures/models.json")
cat("wrote packages/survey/test/fixtures/models.json\n")
