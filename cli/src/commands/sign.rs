//! `vodkit sign key=value…`: Baijiayun's signature (debugging integrations).

use serde_json::json;

use crate::commands::{kv, need_baijiayun, secret};
use crate::fail::Result;
use crate::settings::Resolved;
use crate::Out;

pub fn run(resolved: &Resolved, out: &Out, params: &[String]) -> Result<()> {
    need_baijiayun(resolved, "sign")?;
    let key = secret(resolved, "partner_key")?;
    let pairs: Vec<(String, String)> = params.iter().map(|p| kv(p)).collect::<Result<_>>()?;
    let sign = vodkit::baijiayun::sign(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())), &key);
    if out.json {
        out.print_json(&json!({ "sign": sign }));
    } else {
        println!("{sign}");
    }
    Ok(())
}
