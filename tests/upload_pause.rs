//! Pause, resume and the bandwidth cap, steered from another thread while an
//! upload runs against the emulator; what reaches the server is read from the
//! emulator's own byte counters, not from the SDK's progress.

mod common;

use std::ops::ControlFlow;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use vodkit::upload::{UploadControl, UploadHooks};
use vodkit::ErrorKind;
use vodkit_emulator::Emulator;

const MIB: u64 = 1024 * 1024;

/// Bytes the emulator has received for every video so far. A fresh emulator
/// numbers its videos from 100 000 (emulator/src/providers/baijiayun/upload.rs).
fn received(emu: &Emulator) -> u64 {
    (100_000..100_010)
        .filter_map(|id| emu.baijiayun().video(id))
        .map(|v| v.received_bytes)
        .sum()
}

fn neutral_client(emu: &Emulator) -> vodkit::Client {
    let state = emu.baijiayun();
    vodkit::Client::new(
        "baijiayun",
        &serde_json::json!({
            "partner_id": state.config.partner_id,
            "partner_key": state.partner_key(),
            "base_url": emu.provider_url("baijiayun"),
            "retry": {"max_retries": 3, "initial_backoff_ms": 20, "max_backoff_ms": 200},
        }),
    )
    .unwrap()
}

/// Runs `upload` on this thread while `steer` runs on another with the
/// token and the progress (`bytes_done`) so far; returns the upload's
/// result and how many progress calls each phase saw.
fn steered<R: Send>(
    token: &UploadControl,
    upload: impl FnOnce(UploadHooks<'_>) -> R,
    steer: impl FnOnce(&UploadControl, &AtomicU64) + Send,
    calls: &AtomicU64,
) -> R {
    let done = AtomicU64::new(0);
    std::thread::scope(|s| {
        let (token2, done2) = (token.clone(), &done);
        let steering = s.spawn(move || steer(&token2, done2));
        let control = UploadHooks::new()
            .control(token.clone())
            .progress_interval(Duration::from_millis(20))
            .on_progress(|p| {
                done.store(p.bytes_done, Ordering::SeqCst);
                calls.fetch_add(1, Ordering::SeqCst);
                ControlFlow::Continue(())
            });
        let out = upload(control);
        steering.join().unwrap();
        out
    })
}

fn wait_until_done_at_least(done: &AtomicU64, bytes: u64) {
    common::wait_for(Duration::from_secs(30), || {
        (done.load(Ordering::SeqCst) >= bytes).then_some(())
    });
}

#[test]
fn a_two_second_pause_sends_nothing_then_the_same_call_completes() {
    let emu = common::emulator();
    let client = neutral_client(&emu);
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "paused.mp4", 16 * MIB);
    let token = UploadControl::new();
    // Slow enough to be paused mid-way.
    token.set_rate_limit(8 * MIB);
    let calls = AtomicU64::new(0);
    let calls_while_paused = AtomicU64::new(0);
    let quiet = AtomicBool::new(false);
    let result = steered(
        &token,
        |control| client.upload(&path, &serde_json::Value::Null, control),
        |token, done| {
            wait_until_done_at_least(done, 4 * MIB);
            token.pause();
            assert!(token.is_paused());
            // What was already in socket buffers lands first.
            std::thread::sleep(Duration::from_millis(400));
            let before = received(&emu);
            let calls_before = calls.load(Ordering::SeqCst);
            std::thread::sleep(Duration::from_secs(2));
            let after = received(&emu);
            calls_while_paused.store(
                calls.load(Ordering::SeqCst) - calls_before,
                Ordering::SeqCst,
            );
            quiet.store(before == after && before < 16 * MIB, Ordering::SeqCst);
            eprintln!("paused at {before} bytes, {after} after 2 s");
            token.set_rate_limit(0);
            token.resume();
        },
        &calls,
    )
    .unwrap();
    assert!(
        quiet.load(Ordering::SeqCst),
        "bytes arrived during the pause"
    );
    assert!(
        calls_while_paused.load(Ordering::SeqCst) >= 10,
        "progress kept being reported while paused"
    );
    let id = result["video_id"].as_i64().unwrap();
    let stored = emu.baijiayun().video(id).unwrap();
    assert_eq!(stored.md5.unwrap(), common::md5_file(&path));
    assert_eq!(
        stored.upload_requests, 1,
        "the part was held, not abandoned and sent again"
    );
}

#[test]
fn a_pause_longer_than_the_hold_abandons_the_part_and_sends_it_again_on_resume() {
    let emu = common::emulator();
    let client = neutral_client(&emu);
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "abandoned.mp4", 12 * MIB);
    let token = UploadControl::new();
    token.set_rate_limit(8 * MIB);
    let calls = AtomicU64::new(0);
    let quiet = AtomicBool::new(false);
    let result = steered(
        &token,
        |control| {
            let control = control.pause_hold(Duration::from_millis(300));
            client.upload(&path, &serde_json::Value::Null, control)
        },
        |token, done| {
            wait_until_done_at_least(done, 3 * MIB);
            token.pause();
            std::thread::sleep(Duration::from_millis(700));
            let before = received(&emu);
            std::thread::sleep(Duration::from_millis(1500));
            quiet.store(received(&emu) == before, Ordering::SeqCst);
            token.set_rate_limit(0);
            token.resume();
        },
        &calls,
    )
    .unwrap();
    assert!(
        quiet.load(Ordering::SeqCst),
        "bytes arrived during the pause"
    );
    let id = result["video_id"].as_i64().unwrap();
    let stored = emu.baijiayun().video(id).unwrap();
    assert_eq!(stored.md5.unwrap(), common::md5_file(&path));
    assert!(
        stored.upload_requests >= 2,
        "the abandoned part was sent again ({} requests)",
        stored.upload_requests
    );
    assert!(
        emu.baijiayun()
            .request_count("/openapi/video/getResumeUploadUrl")
            >= 1,
        "the re-send started from what the server held"
    );
}

#[test]
fn cancel_works_while_paused() {
    let emu = common::emulator();
    let client = neutral_client(&emu);
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "cancelled.mp4", 8 * MIB);
    let token = UploadControl::new();
    token.set_rate_limit(4 * MIB);
    let calls = AtomicU64::new(0);
    let err = steered(
        &token,
        |control| client.upload(&path, &serde_json::Value::Null, control),
        |token, done| {
            wait_until_done_at_least(done, MIB);
            token.pause();
            std::thread::sleep(Duration::from_millis(300));
            token.cancel();
        },
        &calls,
    )
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Cancelled);
    assert!(err.resume().is_some(), "a cancelled upload can be resumed");
}

/// Samples the emulator's byte counter every 50 ms while the upload runs.
fn sample_while(emu: &Emulator, running: &AtomicBool) -> Vec<(Instant, u64)> {
    let mut samples = vec![(Instant::now(), received(emu))];
    while running.load(Ordering::SeqCst) {
        std::thread::sleep(Duration::from_millis(50));
        samples.push((Instant::now(), received(emu)));
    }
    samples
}

/// The most bytes that arrived in any window of at least `window`.
fn busiest_window(samples: &[(Instant, u64)], window: Duration) -> (u64, Duration) {
    let mut best = (0, window);
    for (i, (t0, b0)) in samples.iter().enumerate() {
        if let Some((t1, b1)) = samples[i..].iter().find(|(t, _)| *t - *t0 >= window) {
            let rate_now = (b1 - b0) as f64 / (*t1 - *t0).as_secs_f64();
            let rate_best = best.0 as f64 / best.1.as_secs_f64();
            if rate_now > rate_best {
                best = (b1 - b0, *t1 - *t0);
            }
        }
    }
    best
}

#[test]
fn the_cap_is_honoured_over_every_second_and_can_change_mid_upload() {
    let emu = common::emulator();
    let client = neutral_client(&emu);
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "capped.mp4", 10 * MIB);
    let token = UploadControl::new();
    let cap = 2 * MIB;
    token.set_rate_limit(cap);
    assert_eq!(token.rate_limit(), cap);
    let running = AtomicBool::new(true);
    let lifted_at = AtomicU64::new(0);
    let (result, samples) = std::thread::scope(|s| {
        let sampler = s.spawn(|| sample_while(&emu, &running));
        let lifter = s.spawn(|| {
            // Three seconds under the cap, then none.
            std::thread::sleep(Duration::from_secs(3));
            lifted_at.store(received(&emu), Ordering::SeqCst);
            token.set_rate_limit(0);
        });
        let control = UploadHooks::new().control(token.clone());
        let result = client.upload(&path, &serde_json::Value::Null, control);
        lifter.join().unwrap();
        running.store(false, Ordering::SeqCst);
        (result, sampler.join().unwrap())
    });
    let result = result.unwrap();
    let lifted_at = lifted_at.load(Ordering::SeqCst);
    // Under the cap: every window of at least a second, with a wide margin.
    let capped: Vec<_> = samples
        .iter()
        .copied()
        .take_while(|(_, b)| *b <= lifted_at)
        .collect();
    let (bytes, over) = busiest_window(&capped, Duration::from_secs(1));
    let rate = bytes as f64 / over.as_secs_f64();
    eprintln!("busiest capped second: {rate:.0} B/s (cap {cap})");
    assert!(rate <= cap as f64 * 1.5, "{rate} B/s over a {cap} B/s cap");
    // The cap was really in force (the upload did not finish unthrottled)…
    assert!(
        lifted_at <= 4 * cap,
        "{lifted_at} bytes in the first three seconds"
    );
    assert!(lifted_at > 0, "nothing was sent under the cap");
    // …and lifting it let the rest go: the file is complete and intact.
    let stored = emu
        .baijiayun()
        .video(result["video_id"].as_i64().unwrap())
        .unwrap();
    assert_eq!(stored.md5.unwrap(), common::md5_file(&path));
}

#[test]
fn the_cap_holds_across_the_parts_of_a_ranged_upload() {
    let emu = common::emulator();
    let client = neutral_client(&emu);
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "ranged.mp4", 6 * MIB);
    let token = UploadControl::new();
    let cap = 2 * MIB;
    token.set_rate_limit(cap);
    let running = AtomicBool::new(true);
    let (result, samples) = std::thread::scope(|s| {
        let sampler = s.spawn(|| sample_while(&emu, &running));
        let control = UploadHooks::new().control(token.clone());
        let options = serde_json::json!({"ranged": true, "part_size": MIB});
        let result = client.upload(&path, &options, control);
        running.store(false, Ordering::SeqCst);
        (result, sampler.join().unwrap())
    });
    let result = result.unwrap();
    // A cap makes the upload last: 6 MiB at 2 MiB/s is about 3 s (the
    // bound has a wide margin; it fails only when the cap is ignored).
    let lasted = samples.last().unwrap().0 - samples[0].0;
    assert!(
        lasted >= Duration::from_millis(1500),
        "took only {lasted:?}"
    );
    let (bytes, over) = busiest_window(&samples, Duration::from_secs(1));
    let rate = bytes as f64 / over.as_secs_f64();
    eprintln!("busiest second: {rate:.0} B/s (cap {cap})");
    assert!(rate <= cap as f64 * 1.5, "{rate} B/s over a {cap} B/s cap");
    let stored = emu
        .baijiayun()
        .video(result["video_id"].as_i64().unwrap())
        .unwrap();
    assert_eq!(stored.md5.unwrap(), common::md5_file(&path));
}
