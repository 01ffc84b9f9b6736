//! Physical planning: logical plan → stream operators with partitioning, state and emit mode.
