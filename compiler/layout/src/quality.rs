//! Measures of a layout (stub; being written).
