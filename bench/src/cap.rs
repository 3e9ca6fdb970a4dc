//! The bandwidth cap, measured: one Baijiayun upload into the emulator with
//! `UploadControl::set_rate_limit`, and `curl --limit-rate` posting the same
//! file to an upload URL of the same emulator, interleaved. Both should take
//! size / cap; the row gives the seconds of each and their ratio.

use std::path::Path;
use std::process::Command;

use serde_json::{json, Value};

use crate::context::{line_json, say, Ctx};
use crate::files::MIB;
use crate::process;
use crate::report::{Row, Series};

fn vodkit_capped(ctx: &Ctx, file: &Path, rate: u64) -> Result<f64, String> {
    let options = json!({ "file_name": "capped.mp4", "verify_md5": false });
    let mut cmd = ctx.vodkit_upload("baijiayun", file, &options);
    cmd.args(["--rate-limit", &rate.to_string()]);
    let m = process::run(cmd, |_, _| {})?;
    m.check("vodkit capped upload")?;
    line_json(&m.stdout, "result ").ok_or("the vodkit child printed no result")?;
    ctx.emu.clear_data();
    Ok(m.wall.as_secs_f64())
}

fn curl_capped(ctx: &Ctx, file: &Path, rate: u64) -> Result<f64, String> {
    let client = ctx.emu.client("baijiayun")?;
    let slot = client
        .call(
            "video/getUploadUrl",
            &json!({ "file_name": "capped-curl.mp4", "definition": "16" }),
        )
        .map_err(|e| format!("getUploadUrl: {e}"))?;
    let url = slot["upload_url"].as_str().ok_or("no upload_url")?;
    let mut cmd = Command::new("curl");
    cmd.args(["-sS", "-o", "-", "-w", "\n%{http_code}", "-H", "Expect:"])
        .args(["--limit-rate", &rate.to_string()])
        .arg("-F")
        .arg(format!(
            "data=@{};filename=capped-curl.mp4;type=application/octet-stream",
            file.display()
        ))
        .arg(url);
    let m = process::run(cmd, |_, _| {})?;
    m.check("curl --limit-rate")?;
    let mut lines = m.stdout.trim_end().rsplitn(2, '\n');
    let (code, body) = (lines.next().unwrap_or(""), lines.next().unwrap_or(""));
    let answer: Value = serde_json::from_str(body).unwrap_or(Value::Null);
    if code != "200" || answer["code"] != json!(1) {
        return Err(format!("curl got HTTP {code}: {body}"));
    }
    ctx.emu.clear_data();
    Ok(m.wall.as_secs_f64())
}

pub fn rows(ctx: &Ctx, file: &Path, size: u64, rate: u64) -> Vec<Row> {
    let what = format!(
        "{} MiB capped at {} MiB/s (target {:.2} s): vodkit vs curl --limit-rate",
        size / MIB,
        rate as f64 / MIB as f64,
        size as f64 / rate as f64
    );
    say(format!("cap: {what}"));
    let mut sdk = Series::new("vodkit capped", "s");
    let mut curl = Series::new("curl --limit-rate", "s");
    for i in 0..ctx.iterations {
        // Alternate which goes first.
        let order: [bool; 2] = if i % 2 == 0 {
            [true, false]
        } else {
            [false, true]
        };
        for vodkit_side in order {
            let (series, run) = if vodkit_side {
                (&mut sdk, vodkit_capped(ctx, file, rate))
            } else {
                (&mut curl, curl_capped(ctx, file, rate))
            };
            match run {
                Ok(secs) => {
                    say(format!("  {} #{}: {secs:.2} s", series.label, i + 1));
                    series.values.push(secs);
                }
                Err(e) => return vec![Row::na("cap", what, e)],
            }
        }
    }
    vec![Row::pair("cap", what, sdk, curl)
        .target("≈ 1")
        .note("seconds; the cap is one token bucket shared by every part")]
}
