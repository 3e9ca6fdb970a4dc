//! (to be filled in)
