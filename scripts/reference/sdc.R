# Reference values for @leakrisk/anonymize's disclosure-risk code, produced by sdcMicro's own R code.
#
# sdcMicro is not packaged for Debian, so this script runs sdcMicro's R sources directly:
# `freqCalc` (R/freqCalc.r), `indivRisk` (R/indivRisk.R) and `measure_riskWORK` (R/measure_risk.R),
# which need only data.table. The sources are NOT part of this repository; point the script at a
# checkout of https://github.com/sdcTools/sdcMicro (tested with 5.8.1):
#
#   apt-get install -y r-base-core r-cran-data.table r-cran-jsonlite
#   git clone https://github.com/sdcTools/sdcMicro /tmp/sdcMicro
#   SDCMICRO_SRC=/tmp/sdcMicro Rscript scripts/reference/sdc.R
#
# `measure_threshold` is C++ in sdcMicro and only feeds `global_threshold`, which leakrisk does not
# report, so it is replaced by a stub returning NA. Writes
# packages/anonymize/test/fixtures/risk/sdcmicro-cases.json. With sdcMicro installed from CRAN, the
# same calls (`freqCalc`, `indivRisk`, `measure_risk`) give the same numbers.
suppressMessages({ library(data.table); library(jsonlite); library(methods) })
src <- Sys.getenv("SDCMICRO_SRC")
if (src == "") stop("set SDCMICRO_SRC to a checkout of sdcTools/sdcMicro")
for (f in c("freqCalc.r", "indivRisk.R", "measure_risk.R")) source(file.path(src, "R", f))
measure_threshold <- function(data, global_risk_R) {
  list(global_threshold_unsafe = NA, global_threshold_safe = NA, global_threshold = NA)
}

run_case <- function(name, data, keys, weight = NULL, hid = NULL, note = "") {
  df <- as.data.frame(data, stringsAsFactors = FALSE)
  res <- measure_riskWORK(df, keyVars = keys, w = weight, hid = hid, alpha = 1)
  out <- list(
    name = name, note = note, keys = I(keys),
    weight = if (is.null(weight)) NULL else weight,
    household = if (is.null(hid)) NULL else hid,
    # cells as text, missing as "" (how the CSV reader sees them)
    data = lapply(df, function(col) ifelse(is.na(col), "", as.character(col))),
    expected = list(
      fk = unname(res$Res[, "fk"]), Fk = unname(res$Res[, "Fk"]), risk = unname(res$Res[, "risk"]),
      globalRisk = res$global_risk, expectedReidentifications = res$global_risk_ER
    )
  )
  if (!is.null(hid)) {
    out$expected$householdRisk <- unname(res$Res[, "hier_risk"])
    out$expected$householdGlobalRisk <- res$hier_risk
    out$expected$householdExpectedReidentifications <- res$hier_risk_ER
  }
  out
}

# IHSN SDC Practice guide, Table 4.1 (the published values this script reproduces)
t41 <- data.frame(
  residence = c("Urban", "Urban", "Urban", "Urban", "Rural", "Urban", "Urban", "Urban", "Urban", "Urban"),
  gender = c("Female", "Female", "Female", "Male", "Female", "Male", "Female", "Male", "Female", "Female"),
  education = c("Secondary incomplete", "Secondary incomplete", "Primary incomplete", "Secondary complete",
                "Secondary complete", "Secondary complete", "Primary complete", "Post-secondary",
                "Secondary incomplete", "Secondary incomplete"),
  labourStatus = c("Employed", "Employed", "Non-LF", "Employed", "Unemployed", "Employed", "Non-LF",
                   "Unemployed", "Non-LF", "Non-LF"),
  weight = c(180, 180, 215, 76, 186, 76, 180, 215, 186, 76),
  hh = c(1, 1, 2, 2, 3, 3, 3, 4, 5, 5),
  stringsAsFactors = FALSE)
k41 <- c("residence", "gender", "education", "labourStatus")

# sdcMicro's own test data (tests/testthat/test_freqCalc.R), keys with missing values
nadata <- data.frame(A = c(2, 3, 2, 2, 3, 3, 1, 2), B = c(3, 3, 3, 3, 3, 3, 4, 3),
                     C = c(1, 3, NA, 2, 1, 1, NA, 1),
                     weight = c(18.0, 45.5, 39.0, 17.0, 92.0, 8.0, 123.5, 51))

# Hand-made: a record missing every key, complete and partly missing records, fk >= 4
quirk <- data.frame(a = c("x", "x", "x", "x", "x", NA, "y", NA, "y"),
                    b = c("p", "p", "p", "p", NA, NA, "q", "q", NA),
                    weight = c(10, 20, 30, 40, 5, 7, 50, 8, 9), stringsAsFactors = FALSE)

# One key with missing values (sdcMicro's one-key branch)
onekey <- data.frame(A = c(2, 3, NA, 2, 1, NA, 1, 2),
                     weight = c(18.0, 45.5, 39.0, 17.0, 92.0, 8.0, 123.5, 51))

# Random survey-like file: 4 keys, about 8% missing cells, household ids, fk from 1 to large
set.seed(20240611)
n <- 300
rnd <- data.frame(
  gender = sample(c("female", "male", "transgender"), n, replace = TRUE, prob = c(0.48, 0.5, 0.02)),
  age = sample(c("18-25", "26-35", "36-45", "46-55", "56-65", "66+"), n, replace = TRUE),
  province = sample(c("punjab", "sindh", "khyber_pakhtunkhwa", "balochistan", "islamabad"), n, replace = TRUE,
                    prob = c(0.5, 0.25, 0.15, 0.07, 0.03)),
  area = sample(c("urban", "rural"), n, replace = TRUE),
  weight = round(runif(n, 200, 5000), 3),
  hh = sample(1:120, n, replace = TRUE),
  stringsAsFactors = FALSE)
for (col in c("gender", "age", "province", "area")) rnd[[col]][runif(n) < 0.08] <- NA
rnd[c(7, 150), c("gender", "age", "province", "area")] <- NA
krnd <- c("gender", "age", "province", "area")
# "self": missing as its own category = sdcMicro on the data with NA replaced by a category
rndself <- rnd
for (col in krnd) rndself[[col]][is.na(rndself[[col]])] <- "(missing)"

cases <- list(
  run_case("table41-weighted", t41[, c(k41, "weight")], k41, "weight"),
  run_case("table41-unweighted", t41[, k41], k41),
  run_case("table41-household", t41[, c(k41, "weight", "hh")], k41, "weight", "hh"),
  run_case("sdcmicro-test-na-weighted", nadata, c("A", "B", "C"), "weight"),
  run_case("all-missing-record-weighted", quirk, c("a", "b"), "weight",
           note = "with several keys sdcMicro does not add all-missing records to complete ones"),
  run_case("all-missing-record-unweighted", quirk[, c("a", "b")], c("a", "b")),
  run_case("one-key-na-weighted", onekey, c("A"), "weight"),
  run_case("random-any-weighted", rnd, krnd, "weight", "hh"),
  run_case("random-self-weighted", rndself, krnd, "weight",
           note = "missing cells replaced by the category (missing): leakrisk missingMatches self; data written with the category")
)
out <- list(
  source = "sdcMicro 5.8.1 R sources (freqCalc, indivRisk approx, measure_riskWORK), run by scripts/reference/sdc.R",
  cases = cases)
target <- file.path("packages", "anonymize", "test", "fixtures", "risk", "sdcmicro-cases.json")
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null", pretty = FALSE), target)
cat("wrote", target, "\n")
