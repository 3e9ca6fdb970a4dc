//! `vodkit wait ID`: polls a video's status until it ends.

use std::time::{Duration, Instant};

use serde_json::Value;

use crate::commands::call;
use crate::facts;
use crate::fail::{Fail, Result};
use crate::settings::Resolved;
use crate::standing::Standing;
use crate::Out;

/// Exit code of a wait that timed out.
const EXIT_TIMED_OUT: i32 = 7;

pub fn wait(resolved: &Resolved, out: &Out, id: &str, interval: f64, timeout: f64) -> Result<()> {
    let l = resolved.lifecycle;
    let client = resolved.client()?;
    let spinner = if out.bars {
        let s = indicatif::ProgressBar::new_spinner();
        s.enable_steady_tick(Duration::from_millis(120));
        s
    } else {
        indicatif::ProgressBar::hidden()
    };
    let awaited = Standing::awaited(l);
    if out.verbose > 0 {
        eprintln!(
            "waiting for video {id}: {awaited} ({}polling every {interval} s)",
            if timeout > 0.0 {
                format!("up to {timeout} s, ")
            } else {
                String::new()
            }
        );
    }
    let start = Instant::now();
    loop {
        let params = facts::by_id(&resolved.provider, &crate::commands::status::by_id(l), id);
        let answer = call(&client, resolved, l.status.operation, &params)?;
        let standing = Standing::of(l, &answer);
        let now = standing.describe();
        spinner.set_message(format!("waiting for video {id}: {awaited}; now {now}"));
        if standing.ended() {
            spinner.finish_and_clear();
            let mut o = params.clone();
            if let (Value::Object(o), Value::Object(more)) = (&mut o, standing.to_json(l, &answer))
            {
                o.extend(more);
            }
            if !out.json {
                println!("video {id}: {now}");
            }
            return match standing.failure(id, l, &resolved.provider) {
                // One JSON document on stdout: the error, with where the video stands.
                Some(mut f) => {
                    if let Value::Object(o) = o {
                        f.extra.extend(o);
                    }
                    Err(f)
                }
                None => {
                    if out.json {
                        out.print_json(&o);
                    }
                    Ok(())
                }
            };
        }
        if timeout > 0.0 && start.elapsed().as_secs_f64() > timeout {
            spinner.finish_and_clear();
            return Err(Fail::new(
                EXIT_TIMED_OUT,
                format!("video {id} still {now} after {timeout} s (waiting for {awaited}): run `vodkit wait {id}` again, or pass a longer --timeout"),
            ));
        }
        std::thread::sleep(Duration::from_secs_f64(interval.max(0.05)));
    }
}
