## The replicate-weight benchmark in R: the same estimates as generateReplicates.mjs's replicatePlan on a
## JKn design made from 40 strata × 2 PSUs (80 replicates).
## Usage: Rscript packages/survey/bench/replicates.R survey.csv
## Prints the time of each phase (read.csv, design, estimation) in seconds.
suppressMessages(library(survey))
args <- commandArgs(trailingOnly = TRUE)
t0 <- proc.time()[["elapsed"]]
data <- read.csv(args[1])
t1 <- proc.time()[["elapsed"]]
design <- as.svrepdesign(svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, nest = TRUE, data = data), type = "JKn")
t2 <- proc.time()[["elapsed"]]
r1 <- svymean(~vb1, design)
r2 <- svyby(~vb1, ~gender, design, svymean)
r3 <- svyglm(vb1 ~ age + gender + area, design, family = gaussian())
t3 <- proc.time()[["elapsed"]]
cat(sprintf("R read.csv %.2f s, as.svrepdesign %.2f s, estimates %.2f s\n", t1 - t0, t2 - t1, t3 - t2))
cat(sprintf("R check: mean vb1 %.10g (se %.6g), by gender se %s, glm se %s, degf %d\n",
            coef(r1), SE(r1), paste(signif(SE(r2), 6), collapse = " "), paste(signif(SE(r3), 6), collapse = " "), degf(design)))
