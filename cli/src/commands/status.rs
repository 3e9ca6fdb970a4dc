//! `vodkit status ID`: where a video stands.

use crate::commands::call;
use crate::facts;
use crate::fail::Result;
use crate::settings::Resolved;
use crate::standing::Standing;
use crate::Out;

pub fn run(resolved: &Resolved, out: &Out, id: &str) -> Result<()> {
    let l = resolved.lifecycle;
    let client = resolved.client()?;
    let params = facts::by_id(&resolved.provider, &by_id(l), id);
    let answer = call(&client, resolved, l.status.operation, &params)?;
    let standing = Standing::of(l, &answer);
    // No such video: the same failure for every provider.
    if let Some(f) = standing.missing(id, &resolved.provider) {
        return Err(f);
    }
    if out.json {
        out.print_json(&answer);
    } else {
        println!("video {id}: {}", standing.describe());
    }
    Ok(())
}

/// The status operation as an operation on one video.
pub fn by_id(l: &vodkit::api::Lifecycle) -> vodkit::api::ByIdFacts {
    vodkit::api::ByIdFacts {
        operation: l.status.operation,
        id_param: l.status.id_param,
        fixed: &[],
    }
}
