//! `pigc explain --physical` / `--trace-rules`: optimizes the plan (unless `--no-optimize`), prints
//! the rule trace when asked, then the optimized logical plan or the physical plan (text or dot).
//! Physical planning is for both modes; constructs that cannot stream are listed, not rejected.

use super::ExplainArgs;
use pigc::optimize::{optimize, OptimizerConfig};
use pigc::physical::{plan_physical, Mode};
use pigc::plan::LogicalPlan;
use std::process::ExitCode;

/// Prints the requested plans of `plan` (already built from `source`, named `name`).
pub fn run(args: &ExplainArgs, plan: LogicalPlan, name: &str, source: &str) -> ExitCode {
    let config = if args.no_optimize {
        OptimizerConfig::none()
    } else {
        OptimizerConfig::default()
    };
    let optimized = match optimize(plan, &config) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    if args.trace_rules {
        if optimized.trace.is_empty() {
            println!("-- no optimizer rule fired");
        }
        for entry in &optimized.trace {
            println!("-- {entry}");
        }
        println!(
            "-- {} pass(es){}",
            optimized.passes,
            if optimized.hit_pass_limit {
                " (pass limit reached)"
            } else {
                ""
            }
        );
    }
    if !args.physical {
        if args.dot {
            print!("{}", optimized.plan.to_dot());
        } else {
            print!("{}", optimized.plan);
        }
        return ExitCode::SUCCESS;
    }
    match plan_physical(&optimized.plan, Mode::Both) {
        Ok(physical) => {
            if !physical.warnings.is_empty() {
                eprintln!("{}", physical.warnings.render(name, source));
            }
            if args.dot {
                print!("{}", physical.to_dot());
            } else {
                print!("{physical}");
            }
            ExitCode::SUCCESS
        }
        Err(diagnostics) => {
            eprintln!("{}", diagnostics.render(name, source));
            ExitCode::FAILURE
        }
    }
}
