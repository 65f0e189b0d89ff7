## Reference values for the ordinal (proportional-odds) models of @leakrisk/survey: survey::svyolr.
##
## Run from the repository root:   Rscript scripts/reference/ordinal.R
## Writes packages/survey/test/fixtures/ordinal.csv (the data) and ordinal.json (R's results).
## CI does not need R: both files are committed.
##
## The data are SYNTHETIC (drawn below from a seeded random generator): 576 made-up respondents in
## 6 strata × 8 PSUs, with a 5-point agreement item `vb1` (missing for some respondents, and with no
## "5" among rural women), a complete 5-point item `vb2`, age (some missing), gender (some missing),
## area, education and daily hours.
##
## R's svyolr maximises the weighted log-likelihood with optim(method = "BFGS") on (β, ζ_1, log(ζ_2 − ζ_1), …)
## and takes the Hessian by finite differences of the gradient (optim's `ndeps`, 1e-3 by default). BFGS
## stops when the log-likelihood stops changing, which leaves the estimates good to about 1e-3 relative
## with the default control and to 1e-5 at best with any control (recorded per fit: `defaultControlDeviation`,
## `bfgsDeviation`). So the fixtures take svyolr at the maximum: the log-likelihood svyolr maximises
## (written out below, same parametrisation, same ±100 ends) is polished by Newton steps with R's
## `optimHess` (finite differences of the analytic gradient) from svyolr's own solution until the
## gradient vanishes, and svyolr is called with that maximum as `start` and control = list(reltol = 1e-14,
## maxit = 1000, ndeps = 1e-6) (svyolr forwards `...` to optim). BFGS cannot improve on it, and everything
## svyolr reports — estimates, cut points, the design-based (sandwich) variance, df — comes from svyolr.

suppressMessages({ library(survey); library(jsonlite) })
options(warn = 1)

## ---- synthetic data ------------------------------------------------------------------------------
set.seed(20261)
H <- 6; per <- 8; m <- 12
psu <- rep(seq_len(H * per), each = m)
stratum <- (psu - 1) %/% per + 1
n <- length(psu)
d <- data.frame(respondent = seq_len(n), stratum = stratum, psu = psu)
d$fpc <- c(40, 55, 30, 70, 45, 60)[d$stratum]
d$weight <- round(d$fpc / per * runif(n, 40, 80), 3)
u <- rnorm(H * per, 0, 0.4)[d$psu]
d$age <- round(runif(n, 18, 70))
d$gender <- sample(c("female", "male"), n, TRUE)
d$area <- ifelse(runif(n) < 0.4 + 0.05 * d$stratum, "urban", "rural")
d$education <- sample(c("none", "primary", "secondary", "higher"), n, TRUE, prob = c(.15, .3, .35, .2))
latent <- 0.02 * (d$age - 40) + 0.5 * (d$gender == "male") - 0.4 * (d$area == "urban") +
  0.3 * (d$education == "none") + u + rlogis(n)
d$vb1 <- as.integer(cut(latent, c(-Inf, -1.5, -0.3, 0.6, 1.8, Inf)))
d$vb1[d$area == "rural" & d$gender == "female" & d$vb1 == 5] <- 4 # no "5" among rural women
d$hours <- round(rgamma(n, 2, 0.7), 1)
latent2 <- 0.3 * d$hours - 0.5 * (d$area == "urban") + 0.4 * (d$education == "higher") + u + rnorm(n)
d$vb2 <- as.integer(cut(latent2, c(-Inf, -0.2, 0.5, 1.1, 2, Inf)))
d$age[sample(n, 25)] <- NA
d$vb1[sample(n, 30)] <- NA
d$gender[sample(n, 10)] <- NA

dir.create("packages/survey/test/fixtures", recursive = TRUE, showWarnings = FALSE)
write.csv(d, "packages/survey/test/fixtures/ordinal.csv", row.names = FALSE, na = "")
d <- read.csv("packages/survey/test/fixtures/ordinal.csv", na.strings = c("", "NA"))
## svyolr needs a factor response; factor() of the numbers gives the levels in numeric order.
d$vb1 <- factor(d$vb1)
d$vb2 <- factor(d$vb2)

## ---- designs ---------------------------------------------------------------------------------------
designs <- list(
  stratclus = "svydesign(ids=~psu, strata=~stratum, fpc=~fpc, weights=~weight, data=d, nest=TRUE)",
  srs = "svydesign(ids=~1, data=d)",
  raked = "rake(stratclus, list(~area, ~education), list(pop.area, pop.education))"
)
pop.area <- data.frame(area = c("rural", "urban"), Freq = c(21000, 16000))
pop.education <- data.frame(education = c("higher", "none", "primary", "secondary"), Freq = c(7000, 6000, 11000, 13000))
des <- list()
des$stratclus <- eval(parse(text = designs$stratclus))
des$srs <- suppressWarnings(eval(parse(text = designs$srs)))
des$raked <- rake(des$stratclus, list(~area, ~education), list(pop.area, pop.education))

## ---- fits ------------------------------------------------------------------------------------------
methods <- c(logit = "logistic", probit = "probit", cloglog = "cloglog")
cases <- list()
for (dn in c("stratclus", "srs")) {
  for (link in names(methods)) {
    cases[[length(cases) + 1]] <- list(design = dn, formula = "vb1 ~ age + gender", link = link)
    cases[[length(cases) + 1]] <- list(design = dn, formula = "vb1 ~ age + gender + area + education", link = link)
  }
  cases[[length(cases) + 1]] <- list(design = dn, formula = "vb1 ~ gender * area", link = "logit")
}
## R's svyolr cannot drop rows with missing values from a calibrated design (survey 4.1-1 fails), so
## the calibrated case uses complete variables.
for (link in names(methods)) cases[[length(cases) + 1]] <- list(design = "raked", formula = "vb2 ~ hours + area + education", link = link)

## Rows with each model-matrix column's level: numeric variables replaced by 1, so that a column is
## non-zero exactly where its factor levels hold.
term_n <- function(mf, formula) {
  for (v in names(mf)[-1]) if (is.numeric(mf[[v]])) mf[[v]] <- 1
  x <- model.matrix(terms(formula), mf)
  x <- x[, colnames(x) != "(Intercept)", drop = FALSE]
  colSums(x != 0)
}

## The weighted negative log-likelihood svyolr minimises, in its parametrisation, with its gradient.
olr_objective <- function(cs) {
  d <- des[[cs$design]]
  f <- as.formula(cs$formula)
  mf <- model.frame(f, model.frame(d), na.action = na.pass)
  keep <- complete.cases(mf)
  mf <- mf[keep, , drop = FALSE]
  x <- model.matrix(terms(f), mf)[, -1, drop = FALSE]
  y <- unclass(model.response(mf))
  wt <- weights(d)[keep]
  q <- nlevels(model.response(mf)) - 1
  pc <- ncol(x)
  pfun <- switch(cs$link, logit = plogis, probit = pnorm, cloglog = survey:::pgumbel)
  dfun <- switch(cs$link, logit = dlogis, probit = dnorm, cloglog = survey:::dgumbel)
  pieces <- function(par) {
    theta <- par[pc + 1:q]
    ends <- c(-100, cumsum(c(theta[1], exp(theta[-1]))), 100)
    eta <- drop(x %*% par[seq_len(pc)])
    list(theta = theta, pr = pfun(ends[y + 1] - eta) - pfun(ends[y] - eta),
         p1 = dfun(ends[y + 1] - eta), p2 = dfun(ends[y] - eta))
  }
  value <- function(par) -sum(wt * log(pieces(par)$pr))
  gradient <- function(par) {
    r <- pieces(par)
    g_beta <- colSums(x * (wt * (r$p1 - r$p2) / r$pr))
    g_zeta <- sapply(seq_len(q), function(j) -sum((wt * r$p1 / r$pr)[y == j]) + sum((wt * r$p2 / r$pr)[y == j + 1]))
    jac <- matrix(0, q, q)
    jac[, 1] <- 1
    if (q > 1) for (i in 2:q) jac[i:q, i] <- exp(r$theta[i])
    c(g_beta, drop(t(jac) %*% g_zeta))
  }
  list(value = value, gradient = gradient)
}

## Newton steps on the gradient with R's optimHess, from `par`, until the step is below 1e-13.
polish <- function(cs, par) {
  obj <- olr_objective(cs)
  for (i in 1:20) {
    hess <- optimHess(par, obj$value, obj$gradient, control = list(ndeps = rep(1e-6, length(par))))
    step <- solve(hess, obj$gradient(par))
    par <- par - step
    if (max(abs(step)) < 1e-13) break
  }
  stopifnot(max(abs(step)) < 1e-11)
  par
}

## The call holds the formula itself and a global design, as regTermTest re-evaluates it.
olr_fit <- function(cs, control, start = NULL) {
  design_now <<- des[[cs$design]]
  call <- if (is.null(start)) bquote(svyolr(.(as.formula(cs$formula)), design_now, method = .(methods[[cs$link]]), control = .(control)))
          else bquote(svyolr(.(as.formula(cs$formula)), design_now, method = .(methods[[cs$link]]), start = .(start), control = .(control)))
  eval(call)
}

theta_of <- function(fit) c(fit$coefficients, fit$zeta[1], log(diff(fit$zeta)))

out <- list(generated_with = paste("R", getRversion(), "survey", packageVersion("survey")),
            data = "ordinal.csv (synthetic; see scripts/reference/ordinal.R)", designs = designs,
            calibration = list(area = setNames(as.list(pop.area$Freq), pop.area$area),
                               education = setNames(as.list(pop.education$Freq), pop.education$education)),
            control = "start = the polished maximum, control = list(reltol = 1e-14, maxit = 1000, ndeps = rep(1e-6, npar))",
            pValue = "2 * pt(-abs(t), df.residual): regTermTest(fit, ~term) for a one-column term",
            svyolr = list())
for (cs in cases) {
  plain <- olr_fit(cs, list())
  npar <- length(coef(plain))
  control <- list(reltol = 1e-14, maxit = 1000, ndeps = rep(1e-6, npar))
  bfgs <- olr_fit(cs, control)
  fit <- olr_fit(cs, control, start = polish(cs, theta_of(bfgs)))
  est <- coef(fit)
  se <- SE(fit)
  t <- est / se
  df <- fit$df.residual
  p <- 2 * pt(-abs(t), df)
  pc <- length(fit$coefficients)
  ## the p-value of a one-column term is regTermTest's
  mf <- na.omit(model.frame(as.formula(cs$formula), model.frame(des[[cs$design]])))
  for (j in seq_len(pc)) {
    term <- names(fit$coefficients)[j]
    if (term %in% names(mf)) {
      rt <- regTermTest(fit, as.formula(paste("~", term)))
      stopifnot(abs(rt$p / p[j] - 1) < 1e-8, rt$ddf == df)
    }
  }
  n_terms <- term_n(mf, as.formula(cs$formula))
  nused <- nrow(mf)
  rows <- lapply(seq_along(est), function(j) list(
    term = names(est)[j], kind = if (j <= pc) "coefficient" else "cutpoint",
    estimate = unname(est[j]), se = unname(se[j]), t = unname(t[j]), pValue = unname(p[j]),
    ciLow = unname(est[j] + qt(0.025, df) * se[j]), ciHigh = unname(est[j] + qt(0.975, df) * se[j]),
    n = if (j <= pc) unname(n_terms[names(est)[j]]) else nused))
  out$svyolr[[length(out$svyolr) + 1]] <- list(
    id = paste(cs$design, cs$link, gsub("[^a-z0-9]+", "_", cs$formula), sep = "."),
    design = cs$design, formula = cs$formula, link = cs$link,
    call = sprintf("svyolr(%s, design, method = '%s', %s)", cs$formula, methods[[cs$link]], out$control),
    levels = fit$lev, dfResidual = df, nUsed = nused, convergence = fit$convergence,
    deviance = fit$deviance,
    defaultControlDeviation = max(abs(c(coef(plain) / est - 1, SE(plain) / se - 1))),
    bfgsDeviation = max(abs(c(coef(bfgs) / est - 1, SE(bfgs) / se - 1))),
    rows = rows, covariance = unname(vcov(fit)))
}

## ---- errors R gives ----------------------------------------------------------------------------
two <- d[!is.na(d$vb1) & d$vb1 %in% c("1", "2"), ]
two$vb1 <- droplevels(two$vb1)
err <- tryCatch(svyolr(vb1 ~ age, svydesign(ids = ~1, weights = ~weight, data = two)), error = conditionMessage)
out$errors <- list(twoLevels = err)

writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null", na = "null", pretty = TRUE),
           "packages/survey/test/fixtures/ordinal.json")
cat("wrote packages/survey/test/fixtures/ordinal.csv and ordinal.json\n")
for (e in out$svyolr) cat(sprintf("%-55s deviation of svyolr's own optimum: default control %.1e, tight control %.1e\n", e$id, e$defaultControlDeviation, e$bfgsDeviation))
