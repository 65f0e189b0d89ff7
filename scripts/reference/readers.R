#!/usr/bin/env Rscript
# R's numbers for the format readers' fixtures (packages/survey/test/fixtures/formats/): the same
# analyses as kobo-plan.json and sav-plan.json, run by R `survey` on the files as R reads them:
#   kobo  kobo-export.csv via read.csv2 (';'), the form's non-answer codes set to NA
#         (gender prefer_not_to_say, education refused, agree5 99, yes_no no_answer)
#   sav   study.sav via haven::read_sav (user-missing values and ranges as NA); labelled variables
#         as their codes, the way leakrisk keeps them (levels "1", "2", … with labels in the codebook)
# Writes packages/survey/test/fixtures/formats/expected.json. Run from the repository root, after
# make_form_and_export.py and make_sav.R:   Rscript scripts/reference/readers.R
suppressPackageStartupMessages({ library(survey); library(haven); library(jsonlite) })
invisible(Sys.setlocale("LC_COLLATE", "C"))
dir <- "packages/survey/test/fixtures/formats"

# ---- the export, as the form defines it --------------------------------------------------------------
k <- read.csv2(file.path(dir, "kobo-export.csv"), check.names = FALSE, na.strings = c("", "NA"), colClasses = "character")
names(k) <- sub("^online/use/platforms/", "platforms/", names(k))
names(k) <- ifelse(grepl("^platforms/", names(k)), names(k), sub("^_?.*/", "", names(k)))
na_if <- function(x, codes) { x[x %in% codes] <- NA; x }
kobo <- data.frame(
  province = k$province, cluster_id = as.numeric(k$cluster_id), weight = as.numeric(k$weight),
  age = as.numeric(k$age),
  gender = factor(na_if(k$gender, "prefer_not_to_say"), levels = c("female", "male", "transgender")),
  education = factor(na_if(k$education, "refused"), levels = c("none", "primary", "secondary", "higher")),
  hours_online = as.numeric(k$hours_online),
  vb1 = as.numeric(na_if(k$vb1, "99")),
  blames_victim = na_if(k$blames_victim, "no_answer"),
  facebook = as.numeric(k[["platforms/facebook"]]),
  trust_police = as.numeric(k$trust_police),
  stringsAsFactors = FALSE)
kobo_yes <- "yes"

# ---- the SPSS file, user-missing as NA ----------------------------------------------------------------
s <- read_sav(file.path(dir, "study.sav"), user_na = FALSE)
codes <- function(x) as.character(zap_labels(x))
sav <- data.frame(
  province = codes(s$province), cluster_id = as.numeric(s$cluster_id), weight = as.numeric(s$weight),
  age = as.numeric(s$age),
  gender = factor(codes(s$gender), levels = c("1", "2", "3")),
  education = factor(codes(s$education), levels = c("1", "2", "3", "4")),
  hours_online = as.numeric(zap_labels(s$hours_online)),
  vb1 = as.numeric(zap_labels(s$vb1)),
  blames_victim = codes(s$blames_victim),
  facebook = as.numeric(zap_labels(s$platforms_facebook)),
  trust_police = as.numeric(zap_labels(s$trust_police)),
  stringsAsFactors = FALSE)
stopifnot(sum(is.na(sav$trust_police)) == 24, sum(is.na(sav$hours_online)) > 0)

num <- function(x) unname(as.numeric(x))
analyse <- function(d, yes) {
  d$blames_yes <- d$blames_victim == yes
  des <-  svydesign(ids = ~cluster_id, strata = ~province, weights = ~weight, nest = TRUE, data = d)
  df <- degf(des)
  out <- list()
  mean_row <- function(s) { ci <- confint(s, df = df); list(estimate = num(coef(s)), se = num(SE(s)), ciLow = num(ci[, 1]), ciHigh = num(ci[, 2])) }
  out$age <- list(mean_row(svymean(~age, des)))
  out$vb1 <- list(mean_row(svymean(~vb1, des, na.rm = TRUE)))
  out$hours_total <- list(mean_row(svytotal(~hours_online, des, na.rm = TRUE)))
  out$trust <- list(mean_row(svymean(~trust_police, des, na.rm = TRUE)))
  b <- svyby(~vb1, ~province, des, svymean, na.rm = TRUE)
  out$vb1_by_province <- lapply(seq_len(nrow(b)), function(i) list(domain = list(province = as.character(b$province[i])), estimate = num(coef(b)[i]), se = num(SE(b)[i])))
  prop_row <- function(p) list(estimate = num(coef(p)), se = num(SE(p)), ciLow = num(confint(p)[1]), ciHigh = num(confint(p)[2]))
  out$blames <- list(prop_row(svyciprop(~blames_yes, des, method = "logit", na.rm = TRUE)))
  out$facebook <- list(prop_row(svyciprop(~I(facebook == 1), des, method = "logit", na.rm = TRUE)))
  e <- svymean(~education, des, na.rm = TRUE)
  out$education <- lapply(seq_along(coef(e)), function(i) list(level = levels(d$education)[i], estimate = num(coef(e)[i]), se = num(SE(e)[i])))
  g <- svyglm(vb1 ~ age + gender, des)
  cf <- summary(g)$coefficients
  out$vb1_model <- lapply(seq_len(nrow(cf)), function(i) list(term = rownames(cf)[i], estimate = num(cf[i, 1]), se = num(cf[i, 2]), t = num(cf[i, 3]), pValue = num(cf[i, 4])))
  list(df = df, rows = nrow(d), results = out)
}

expected <- list(
  note = "R survey on the SYNTHETIC fixtures; made by scripts/reference/readers.R",
  r = paste(R.version$major, R.version$minor, sep = "."), survey = as.character(packageVersion("survey")), haven = as.character(packageVersion("haven")),
  kobo = analyse(kobo, kobo_yes),
  sav = analyse(sav, "1"))
writeLines(toJSON(expected, auto_unbox = TRUE, digits = NA, pretty = TRUE), file.path(dir, "expected.json"))
cat("wrote", file.path(dir, "expected.json"), "\n")
