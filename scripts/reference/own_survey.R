#!/usr/bin/env Rscript
# R's numbers for the "bring your own survey" end-to-end test (packages/cli/test/ownSurvey.test.ts):
# the analyses `leakrisk init` drafts for the SYNTHETIC Kobo export (with its XLSForm) and for the
# SPSS file of packages/survey/test/fixtures/formats/, run by R `survey` and `psych` on the files as R
# reads them, with the design init assumes (clusters cluster_id, weights weight, no strata):
#   kobo  kobo-export.csv via read.csv2 (';'); the form's non-answer choices as NA
#         (gender prefer_not_to_say, education refused, agree5 99, yes_no no_answer)
#   sav   study.sav via haven::read_sav with user-missing values and ranges as NA; labelled answers
#         as their codes (levels in the order of their value labels)
# Writes packages/cli/test/fixtures/own-survey-expected.json. Run from the repository root, after the
# fixtures' scripts (scripts/fixtures/formats/):   Rscript scripts/reference/own_survey.R
suppressPackageStartupMessages({ library(survey); library(haven); library(jsonlite); library(psych) })
invisible(Sys.setlocale("LC_COLLATE", "C"))
dir <- "packages/survey/test/fixtures/formats"
na_if <- function(x, codes) { x[x %in% codes] <- NA; x }

k <- read.csv2(file.path(dir, "kobo-export.csv"), check.names = FALSE, na.strings = c("", "NA"), colClasses = "character")
yes_no <- c("yes", "no", "dont_know")
kobo <- data.frame(
  cluster_id = as.numeric(k[["sample/cluster_id"]]), weight = as.numeric(k[["sample/weight"]]),
  gender = factor(na_if(k[["respondent/gender"]], "prefer_not_to_say"), levels = c("female", "male", "transgender")),
  province = factor(k[["sample/province"]], levels = c("punjab", "sindh", "kp", "balochistan")),
  hours_online = as.numeric(k[["online/use/hours_online"]]),
  facebook = as.numeric(k[["online/use/platforms/facebook"]]),
  vb1 = as.numeric(na_if(k[["attitudes/vb1"]], "99")), vb2 = as.numeric(na_if(k[["attitudes/vb2"]], "99")),
  vb3 = as.numeric(na_if(k[["attitudes/vb3"]], "99")), vb4 = as.numeric(na_if(k[["attitudes/vb4"]], "99")),
  heard_leak = factor(na_if(k[["attitudes/heard_leak"]], "no_answer"), levels = yes_no),
  blames_victim = factor(na_if(k[["attitudes/blames_victim"]], "no_answer"), levels = yes_no),
  trust_police = as.numeric(k[["attitudes/trust_police"]]))

s <- read_sav(file.path(dir, "study.sav"), user_na = FALSE)
codes <- function(x, levels) factor(as.character(zap_labels(x)), levels = levels)
sav <- data.frame(
  cluster_id = as.numeric(s$cluster_id), weight = as.numeric(s$weight),
  gender = codes(s$gender, c("1", "2", "3")),
  province = codes(s$province, c("1", "2", "3", "4")),
  hours_online = as.numeric(zap_labels(s$hours_online)),
  facebook = codes(s$platforms_facebook, c("0", "1")),
  vb1 = as.numeric(zap_labels(s$vb1)), vb2 = as.numeric(zap_labels(s$vb2)),
  vb3 = as.numeric(zap_labels(s$vb3)), vb4 = as.numeric(zap_labels(s$vb4)),
  heard_leak = codes(s$heard_leak, c("1", "2", "8")),
  blames_victim = codes(s$blames_victim, c("1", "2", "8")),
  trust_police = as.numeric(zap_labels(s$trust_police)))

num <- function(x) unname(as.numeric(x))
analyse <- function(d) {
  des <- svydesign(ids = ~cluster_id, weights = ~weight, data = d)
  df <- degf(des)
  out <- list()
  est <- function(s) { ci <- confint(s, df = df); list(estimate = num(coef(s)), se = num(SE(s)), ciLow = num(ci[, 1]), ciHigh = num(ci[, 2])) }
  for (v in c("vb1", "vb2", "vb3", "vb4", "hours_online", "trust_police")) {
    f <- as.formula(paste0("~", v))
    out[[paste0(v, "_mean")]] <- list(est(svymean(f, des, na.rm = TRUE)))
    b <- svyby(f, ~gender, des, svymean, na.rm = TRUE)
    out[[paste0(v, "_by_gender")]] <- lapply(seq_len(nrow(b)), function(i) list(domain = list(gender = as.character(b$gender[i])), estimate = num(coef(b)[i]), se = num(SE(b)[i])))
  }
  dist <- function(v) {
    e <- svymean(as.formula(paste0("~", v)), des, na.rm = TRUE)
    lapply(seq_along(coef(e)), function(i) list(level = levels(d[[v]])[i], estimate = num(coef(e)[i]), se = num(SE(e)[i])))
  }
  for (v in c("heard_leak", "blames_victim", "gender", "province")) out[[paste0(v, "_dist")]] <- dist(v)
  if (is.factor(d$facebook)) out$platforms_facebook_dist <- dist("facebook") else out$platforms_facebook_mean <- list(est(svymean(~facebook, des, na.rm = TRUE)))
  a <- suppressWarnings(psych::alpha(d[, c("vb1", "vb2", "vb3", "vb4")], warnings = FALSE, check.keys = FALSE))
  out$scale_vb1_alpha <- list(list(alpha = a$total$raw_alpha, stdAlpha = a$total$std.alpha))
  list(df = df, rows = nrow(d), results = out)
}

expected <- list(
  note = "R survey and psych on the SYNTHETIC fixtures; made by scripts/reference/own_survey.R",
  r = paste(R.version$major, R.version$minor, sep = "."), survey = as.character(packageVersion("survey")),
  psych = as.character(packageVersion("psych")), haven = as.character(packageVersion("haven")),
  kobo = analyse(kobo), sav = analyse(sav))
out <- "packages/cli/test/fixtures/own-survey-expected.json"
writeLines(toJSON(expected, auto_unbox = TRUE, digits = NA, pretty = TRUE), out)
cat("wrote", out, "\n")
