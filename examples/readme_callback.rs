//! The README's "Receiving transcode callbacks" block, as it is printed there
//! (the suite checks the two are the same and runs it on a signed callback).
use std::time::Duration;
use vodkit::baijiayun::{CallbackVerifier, VerifyFailure};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let key = std::env::var("VODKIT_BAIJIAYUN_PARTNER_KEY")?;
    let verifier = CallbackVerifier::new(key).max_age(Duration::from_secs(300));
    // The POST's raw form body, as your web framework hands it over (here, saved to a file).
    let raw_form_body = std::fs::read("callback.txt")?;
    let event = match verifier.verify_transcode_body(&raw_form_body) {
        Ok(event) => event,
        // Answer 403: VerifyFailure::of(&err) is Unsigned, Tampered, Stale or Malformed.
        Err(err) => return Err(format!("rejected ({:?}): {err}", VerifyFailure::of(&err)).into()),
    };
    // Dedupe on event.qid, then handle event.status (20 uploaded, 30 failed, 100 transcoded).
    let (id, status, qid) = (event.video_id, event.status, event.qid);
    println!("video {id}: status {status} (qid {qid})");
    // Answer {"code":0}; anything else makes the provider retry after 5 s and 30 s.
    Ok(())
}
