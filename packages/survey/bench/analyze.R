## The analysis benchmark in R: the same 8 estimates as packages/survey/bench/generate.mjs's plan.
## Usage: Rscript packages/survey/bench/analyze.R survey.csv
## Prints the time of each phase (read.csv, svydesign, estimation) in seconds.
suppressMessages(library(survey))
args <- commandArgs(trailingOnly = TRUE)
t0 <- proc.time()[["elapsed"]]
data <- read.csv(args[1])
t1 <- proc.time()[["elapsed"]]
design <- svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, fpc = ~fpc, nest = TRUE, data = data)
t2 <- proc.time()[["elapsed"]]
r1 <- svymean(~vb1, design)
r2 <- svymean(~age, design)
r3 <- svytotal(~daily_hours, design, na.rm = TRUE)
r4 <- svyby(~vb1, ~gender, design, svymean)
r5 <- svyby(~daily_hours, ~province, design, svymean, na.rm = TRUE)
r6 <- svyciprop(~I(blames_victim == "yes"), design, method = "logit")
r7 <- svychisq(~blames_victim + gender, design, statistic = "F")
r8 <- svyglm(vb1 ~ age + gender + area, design, family = gaussian())
t3 <- proc.time()[["elapsed"]]
cat(sprintf("R read.csv %.2f s, svydesign %.2f s, estimates %.2f s\n", t1 - t0, t2 - t1, t3 - t2))
cat(sprintf("R check: mean vb1 %.10g (se %.6g), total hours %.10g, proportion %.10g, F %.6g\n",
            coef(r1), SE(r1), coef(r3), coef(r6), r7$statistic))
