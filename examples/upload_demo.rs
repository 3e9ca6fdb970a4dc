//! The main job, end to end: start the emulator on loopback, upload a file
//! through the SDK with progress, follow the video through transcoding,
//! fetch its play URLs and download one, and verify the transcode callback.
//!
//! `cargo run --release --example upload_demo [-- SIZE_MIB]`

use std::io::{Read, Write};
use std::ops::ControlFlow;
use std::time::{Duration, Instant};

use vodkit::baijiayun::{
    CallbackVerifier, Client, Config, GetInfo, GetStatus, GetUrl, UploadOptions,
};
use vodkit::upload::UploadHooks;
use vodkit_emulator::{Config as EmuConfig, Emulator};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mib: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(64);
    let emu = Emulator::start(EmuConfig::default())?;
    println!("emulator listening on {}", emu.provider_url("baijiayun"));

    // A receiver for the transcode callback, as a customer's server would have.
    let (receiver, callback_url) = callback_receiver()?;

    let dir = tempfile::tempdir()?;
    let path = dir.path().join("demo.mp4");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path)?);
    let block: Vec<u8> = (0..1024 * 1024)
        .map(|i: u32| (i.wrapping_mul(2654435761) >> 24) as u8)
        .collect();
    for _ in 0..mib {
        file.write_all(&block)?;
    }
    file.flush()?;
    drop(file);
    println!("made a {mib} MiB test file at {}", path.display());

    let client = Client::new(
        Config::new(
            emu.baijiayun().config.partner_id.clone(),
            emu.baijiayun().partner_key(),
        )
        .base_url(emu.provider_url("baijiayun")),
    )?;
    let started = Instant::now();
    let mut last_tenth = 0;
    let control = UploadHooks::new().on_progress(|p| {
        let tenth = p.bytes_done * 10 / p.bytes_total;
        if tenth > last_tenth {
            last_tenth = tenth;
            println!(
                "  uploaded {:>5.1} MiB of {:.1} MiB",
                p.bytes_done as f64 / 1048576.0,
                p.bytes_total as f64 / 1048576.0
            );
        }
        ControlFlow::Continue(())
    });
    let options = UploadOptions {
        callback_url: Some(callback_url),
        ..UploadOptions::default()
    };
    let uploaded = client.upload_with(&path, &options, control)?;
    let secs = started.elapsed().as_secs_f64();
    println!(
        "uploaded video {} ({} bytes) in {:.2} s, {:.0} MiB/s",
        uploaded.video_id,
        uploaded.bytes,
        secs,
        uploaded.bytes as f64 / 1048576.0 / secs
    );

    loop {
        let status = client.get_status(&GetStatus {
            video_id: uploaded.video_id,
        })?;
        println!("status {} ({})", status.status, status.info);
        if status.state().is_final() {
            break;
        }
        std::thread::sleep(Duration::from_millis(500));
    }
    let info = client.get_info(&GetInfo {
        video_id: uploaded.video_id,
    })?;
    println!("server MD5 {} for {} bytes", info.file_md5, info.total_size);

    let urls = client.get_url(&GetUrl {
        video_id: uploaded.video_id,
        ..Default::default()
    })?;
    for (definition, play) in &urls.play_info {
        println!(
            "play {definition}: {}x{} {}",
            play.width,
            play.height,
            redact_query(&play.url)
        );
    }
    if let Some(play) = urls.play_info.values().next() {
        // A plain reqwest client, with vodkit's TLS settings (the build's
        // crypto backend, handed to this client only).
        let http = reqwest::blocking::Client::builder()
            .tls_backend_preconfigured(vodkit::http::tls::client_config(&[])?)
            .build()?;
        let mut body = http.get(&play.url).send()?;
        let mut n = 0u64;
        let mut buf = vec![0u8; 1 << 20];
        loop {
            let k = body.read(&mut buf)?;
            if k == 0 {
                break;
            }
            n += k as u64;
        }
        println!("downloaded {n} bytes back from the play URL");
    }

    let verifier = CallbackVerifier::new(emu.baijiayun().partner_key());
    for _ in 0..2 {
        let Ok(body) = receiver.recv_timeout(Duration::from_secs(10)) else {
            println!("no callback arrived");
            break;
        };
        match verifier.verify_transcode_body(&body) {
            Ok(event) => println!(
                "verified callback: video {} status {} (qid {})",
                event.video_id, event.status, event.qid
            ),
            Err(e) => println!("rejected callback: {e}"),
        }
    }
    Ok(())
}

/// The callback bodies the receiver got, in order.
type Bodies = std::sync::mpsc::Receiver<Vec<u8>>;

/// An HTTP server on loopback (axum, on a runtime of its own thread) that
/// answers every POST to `/bjy-callback` with `{"code":0}` and hands its body
/// to the returned channel; and the URL to give the provider.
fn callback_receiver() -> Result<(Bodies, String), Box<dyn std::error::Error>> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    listener.set_nonblocking(true)?;
    let url = format!("http://{}/bjy-callback", listener.local_addr()?);
    let (bodies, receiver) = std::sync::mpsc::channel::<Vec<u8>>();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()?;
    std::thread::spawn(move || {
        runtime.block_on(async move {
            let app = axum::Router::new().route(
                "/bjy-callback",
                axum::routing::post(move |body: axum::body::Bytes| async move {
                    let _ = bodies.send(body.to_vec());
                    r#"{"code":0}"#
                }),
            );
            let listener = tokio::net::TcpListener::from_std(listener).expect("loopback listener");
            let _ = axum::serve(listener, app).await;
        })
    });
    Ok((receiver, url))
}

fn redact_query(url: &str) -> &str {
    url.split('?').next().unwrap_or(url)
}
