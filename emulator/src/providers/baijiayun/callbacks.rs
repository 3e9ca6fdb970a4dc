//! Transcode callbacks: the account-level URL (set/getTranscodeCallbackUrl)
//! and delivery of signed callbacks, retried after the configured delays
//! (the provider: 5 s and 30 s) until the receiver answers `{"code":0}`.

use std::sync::Arc;
use std::time::Duration;

use serde_json::{json, Value};

use super::request::{ApiError, Handler, Req};
use super::sign::sign;
use super::state::{CallbackRecord, Shared};
use crate::common::lock::lock;

pub const HANDLERS: &[(&str, Handler)] = &[
    ("video_account/setTranscodeCallbackUrl", set_url),
    ("video_account/getTranscodeCallbackUrl", get_url),
];

fn set_url(shared: &Shared, req: &Req) -> Result<Value, ApiError> {
    let url = req.str("url")?;
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return Err(ApiError::param("url must start with http:// or https://"));
    }
    *lock(&shared.callback_url) = Some(url.to_owned());
    Ok(json!({ "url": url }))
}

fn get_url(shared: &Shared, _req: &Req) -> Result<Value, ApiError> {
    let url = lock(&shared.callback_url).clone().unwrap_or_default();
    Ok(json!({ "url": url }))
}

/// Ticks every video on the emulated clock and sends what they announce.
pub(crate) async fn run(shared: Arc<Shared>) {
    let client = reqwest::Client::builder()
        .tls_backend_preconfigured(crate::common::tls::client_config())
        .timeout(Duration::from_secs(10))
        .no_proxy()
        .build()
        .expect("callback client");
    loop {
        tokio::time::sleep(Duration::from_millis(100)).await;
        let now = shared.clock().now_secs();
        let mut due = Vec::new();
        {
            let mut videos = lock(&shared.videos);
            for v in videos.values_mut() {
                v.tick(now, &shared.config);
                due.append(&mut v.pending_callbacks);
            }
        }
        let account_url = lock(&shared.callback_url).clone();
        for cb in due {
            let url = if cb.url.is_empty() {
                match &account_url {
                    Some(u) => u.clone(),
                    None => continue, // nobody to tell
                }
            } else {
                cb.url
            };
            let mut fields = cb.fields;
            let key = shared.partner_key();
            let owned: Vec<(String, String)> = fields.clone();
            let s = sign(owned.iter().map(|(k, v)| (k, v)), &key);
            fields.push(("sign".to_owned(), s));
            tokio::spawn(deliver(shared.clone(), client.clone(), url, fields));
        }
    }
}

async fn deliver(
    shared: Arc<Shared>,
    client: reqwest::Client,
    url: String,
    fields: Vec<(String, String)>,
) {
    let body = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(fields.iter())
        .finish();
    let index = {
        let mut all = lock(&shared.callbacks);
        all.push(CallbackRecord {
            url: url.clone(),
            fields: fields.clone(),
            body: body.clone(),
            attempts: 0,
            delivered: false,
        });
        all.len() - 1
    };
    let delays = shared.config.callback_retry_delays.clone();
    for attempt in 0..=delays.len() {
        if attempt > 0 {
            tokio::time::sleep(delays[attempt - 1]).await;
        }
        let result = client
            .post(&url)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body.clone())
            .send()
            .await;
        let ok = match result {
            Ok(r) if r.status().is_success() => {
                r.bytes()
                    .await
                    .ok()
                    .and_then(|b| serde_json::from_slice::<Value>(&b).ok())
                    .and_then(|v| {
                        v.get("code")
                            .and_then(|c| c.as_i64().or_else(|| c.as_str()?.parse().ok()))
                    })
                    == Some(0)
            }
            _ => false,
        };
        let mut all = lock(&shared.callbacks);
        all[index].attempts += 1;
        if ok {
            all[index].delivered = true;
            return;
        }
    }
}
