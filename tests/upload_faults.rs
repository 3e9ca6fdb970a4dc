//! Fault suite (issue 13, R1): 100 uploads of random sizes (1 byte to
//! 50 MiB, log-uniform so most are small and the run stays within CI's
//! budget; odd sizes and part sizes) to Baijiayun and iQiyi under random
//! injected faults — HTTP 500s, connections dropped mid-part, lost answers,
//! latency, corrupt range answers, a dead primary host — each ending
//! byte-identical on the emulator (size and MD5), automatically or after one
//! `upload()` retry with the checkpoint. The seed is printed;
//! `VODKIT_FAULT_SEED=N` replays a run (the faults are one-shot counts and
//! byte offsets drawn from it, not rates).

mod common;

use serde_json::{json, Value};
use vodkit::upload::UploadHooks;
use vodkit_emulator::iqiyi::UploadFaults;
use vodkit_emulator::Faults;

const MIB: u64 = 1024 * 1024;
const UPLOADS: usize = 100;
const MAX_SIZE: u64 = 50 * MIB;

/// 1 byte to 50 MiB, log-uniform; the first is 1 byte, the second 50 MiB.
fn size(rng: &mut fastrand::Rng, i: usize) -> u64 {
    match i {
        0 => 1,
        1 => MAX_SIZE,
        _ => ((rng.f64() * (MAX_SIZE as f64).ln()).exp() as u64).clamp(1, MAX_SIZE),
    }
}

fn baijiayun_faults(rng: &mut fastrand::Rng, size: u64) -> Faults {
    Faults {
        latency_ms: if rng.bool() { rng.u64(0..8) } else { 0 },
        fail_next: rng.u32(0..3),
        drop_after_bytes: rng.bool().then(|| rng.u64(0..size)),
        drop_uploads: rng.u32(1..3),
        drop_answers: u32::from(rng.u8(0..4) == 0),
        ..Faults::default()
    }
}

fn iqiyi_faults(rng: &mut fastrand::Rng) -> (Faults, UploadFaults) {
    let common = Faults {
        latency_ms: if rng.bool() { rng.u64(0..8) } else { 0 },
        fail_next: rng.u32(0..4),
        ..Faults::default()
    };
    let own = UploadFaults {
        corrupt_range: rng.u32(0..3),
        primary_down: rng.u8(0..5) == 0,
        ..UploadFaults::default()
    };
    (common, own)
}

#[test]
fn a_hundred_uploads_under_random_faults_arrive_byte_identical() {
    let seed = std::env::var("VODKIT_FAULT_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| fastrand::u64(..));
    eprintln!("fault suite seed: {seed} (VODKIT_FAULT_SEED={seed} replays it)");
    let mut rng = fastrand::Rng::with_seed(seed);
    let emu = common::emulator();
    let retry = json!({"max_retries": 3, "initial_backoff_ms": 5, "max_backoff_ms": 40});
    let bjy = vodkit::Client::new(
        "baijiayun",
        &json!({"partner_id": emu.baijiayun().config.partner_id,
                "partner_key": emu.baijiayun().partner_key(),
                "base_url": emu.provider_url("baijiayun"), "retry": retry}),
    )
    .unwrap();
    let iqiyi = vodkit::Client::new(
        "iqiyi",
        &json!({"client_id": emu.iqiyi().config.client_id,
                "client_secret": emu.iqiyi().config.client_secret.as_str(),
                "base_url": emu.provider_url("iqiyi"), "retry": retry, "part_retries": 2}),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("checkpoints");
    let (mut retried, mut bytes) = (0, 0);
    for i in 0..UPLOADS {
        let len = size(&mut rng, i);
        bytes += len;
        let path = common::random_file(dir.path(), &format!("f{i}.mp4"), len);
        let part_size = rng.u64(64 * 1024..8 * MIB) | 1;
        let baijiayun = i % 2 == 0;
        let options = json!({"checkpoint_dir": store, "part_size": part_size});
        let (client, what) = if baijiayun {
            emu.baijiayun().set_faults(baijiayun_faults(&mut rng, len));
            (
                &bjy,
                format!("seed {seed}, upload {i}: baijiayun, {len} bytes"),
            )
        } else {
            let (common, own) = iqiyi_faults(&mut rng);
            emu.iqiyi().controls.faults.set(common);
            emu.iqiyi().set_upload_faults(own);
            (
                &iqiyi,
                format!("seed {seed}, upload {i}: iqiyi, {len} bytes"),
            )
        };
        let first = client.upload(&path, &options, UploadHooks::new());
        // The faults are spent or cleared; the retry is a plain upload() again.
        emu.baijiayun().set_faults(Faults::default());
        emu.iqiyi().controls.faults.set(Faults::default());
        emu.iqiyi().set_upload_faults(UploadFaults::default());
        let result = match first {
            Ok(r) => r,
            Err(e) => {
                retried += 1;
                client
                    .upload(&path, &options, UploadHooks::new())
                    .unwrap_or_else(|e2| panic!("{what}: {e}, then on retry: {e2}"))
            }
        };
        let md5 = common::md5_file(&path);
        assert_eq!(result["file_md5"], md5.as_str(), "{what}");
        assert_eq!(stored(&emu, &result, baijiayun), (len, md5), "{what}");
        std::fs::remove_file(&path).unwrap();
    }
    let left = vodkit::upload::checkpoint::list(&store).unwrap();
    assert!(left.is_empty(), "seed {seed}: checkpoints left: {left:?}");
    eprintln!(
        "{UPLOADS} uploads, {} MiB, {retried} needed the retry",
        bytes / MIB
    );
}

/// What the emulator holds of the upload: size and MD5.
fn stored(emu: &vodkit_emulator::Emulator, result: &Value, baijiayun: bool) -> (u64, String) {
    if baijiayun {
        let v = emu
            .baijiayun()
            .bjy_video(result["video_id"].as_i64().unwrap())
            .unwrap();
        (v.received, v.md5.and_then(|m| m.wait()).unwrap_or_default())
    } else {
        let f = emu
            .iqiyi()
            .file(result["file_id"].as_str().unwrap())
            .unwrap();
        (f.received, f.md5.unwrap_or_default())
    }
}
