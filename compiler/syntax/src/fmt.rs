//! The canonical formatter (filled in next).
