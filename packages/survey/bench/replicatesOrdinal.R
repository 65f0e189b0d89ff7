## The ordinal benchmark in R: svyolr (proportional odds, logit) on a JKn design made from 40 strata × 2
## PSUs (80 replicates), the same model as generateReplicates.mjs's ordinalPlan.
## Usage: Rscript packages/survey/bench/replicatesOrdinal.R survey.csv
suppressMessages(library(survey))
args <- commandArgs(trailingOnly = TRUE)
t0 <- proc.time()[["elapsed"]]
data <- read.csv(args[1])
data$vb1 <- factor(data$vb1)
t1 <- proc.time()[["elapsed"]]
design <- as.svrepdesign(svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, nest = TRUE, data = data), type = "JKn")
t2 <- proc.time()[["elapsed"]]
fit <- svyolr(vb1 ~ age + gender + area, design)
t3 <- proc.time()[["elapsed"]]
cat(sprintf("R read.csv %.2f s, as.svrepdesign %.2f s, estimates %.2f s\n", t1 - t0, t2 - t1, t3 - t2))
cat(sprintf("R check: coefficients %s, se %s\n", paste(signif(coef(fit), 6), collapse = " "), paste(signif(SE(fit), 6), collapse = " ")))
