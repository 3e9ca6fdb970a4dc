//! C++: typed wrappers per provider (not generated yet).

use crate::{Generated, ProviderModel};

pub fn files(_catalog: &[ProviderModel]) -> Vec<Generated> {
    vec![]
}
