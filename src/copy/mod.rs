//! Copying a video from one provider to another without a local copy: the
//! source provider's best play URL (chosen by `rendition.rs`) streams, with Range
//! requests, into the target provider's upload, and the title comes along.
//!
//! Everything provider-specific comes from the registry's lifecycle facts
//! (which operation gives the play URLs, where the title is, which field of
//! the upload answer is the new id): nothing here names a provider.
//!
//! **Resuming.** A play URL is signed anew by every call, so a checkpoint
//! keyed by the URL would never be found again. A copy's source is known to
//! checkpoints by `(source provider, video id)` instead, and the
//! checkpoint's own key adds the target provider: the same copy run again
//! with the same `checkpoint_dir` finds the interrupted upload and asks the
//! source only for the missing bytes. The checkpoint holds the origin's
//! length, validator (ETag) and first/last MiB MD5, never the URL or its
//! token: a source video that changed since is an `Integrity` error. A
//! finished copy is recorded in the batch manifest beside the checkpoints,
//! so running it again answers the recorded copy and sends nothing.

mod rendition;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::api::{Client, Lifecycle};
use crate::error::{Error, ErrorKind, Result};
use crate::upload::checkpoint::Identity;
use crate::upload::{Manifest, Source, UploadHooks};

/// The copy-only key of [`copy`]'s options (the others are the target's
/// upload options).
pub const TITLE_OPTION: &str = "title";

/// What a copy made.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Copied {
    pub source_provider: String,
    pub source_id: String,
    pub target_provider: String,
    /// The new video's id at the target (its upload answer's id field).
    pub target_id: String,
    /// The title it was uploaded under.
    pub title: String,
    pub bytes: u64,
    /// The MD5 of the bytes copied (lowercase hex), where the target's
    /// upload computed it (`verify_md5`, the default).
    pub md5: Option<String>,
    /// `true` when an earlier run finished this copy (recorded beside the
    /// checkpoints): nothing was sent this time.
    pub skipped: bool,
    /// The target's upload answer, as [`Client::upload`] returns it.
    pub upload: Value,
}

/// Copies video `video_id` of `source`'s provider to `target`'s, as a new
/// video there, titled as at the source.
///
/// `options` is a JSON object of the target's upload options
/// (`checkpoint_dir`, `verify_md5`, part size, …), plus `title` to name the
/// copy otherwise (`null` for the defaults). With a `checkpoint_dir`, an
/// interrupted copy continues where it stopped and a finished one is not
/// made twice (see the module docs). On failure the error's
/// [`Error::resume`] handle is the target upload's.
pub fn copy(
    source: &Client,
    video_id: &str,
    target: &Client,
    options: &Value,
    hooks: UploadHooks<'_>,
) -> Result<Copied> {
    let video_id = video_id.trim();
    if video_id.is_empty() {
        return Err(Error::invalid_input("the video id to copy is empty"));
    }
    let (from, to) = (source.provider(), target.provider());
    let from_facts = facts_of(source, "copied from")?;
    let to_facts = facts_of(target, "copied to")?;
    let Some(upload_facts) = to_facts.upload.as_ref() else {
        return Err(Error::invalid_input(format!(
            "{to} takes no uploads through this SDK: a video cannot be copied to it"
        )));
    };
    let mut options = match options {
        Value::Null => Map::new(),
        Value::Object(m) => m.clone(),
        other => {
            return Err(Error::invalid_input(format!(
                "copy options must be a JSON object, not {other}"
            )))
        }
    };
    let title = match options.remove(TITLE_OPTION) {
        None | Some(Value::Null) => None,
        Some(Value::String(t)) if !t.trim().is_empty() => Some(t),
        Some(other) => {
            return Err(Error::invalid_input(format!(
                "title must be non-empty text, not {other}"
            )))
        }
    };
    let checkpoint_dir = match options.get("checkpoint_dir") {
        None | Some(Value::Null) => None,
        Some(Value::String(dir)) if !dir.is_empty() => Some(std::path::PathBuf::from(dir)),
        Some(other) => {
            return Err(Error::invalid_input(format!(
                "checkpoint_dir must be a directory path, not {other}"
            )))
        }
    };

    let url = play_url(source, from_facts, video_id)?;
    let title = match title {
        Some(t) => t,
        None => title_of(source, from_facts, video_id)?,
    };
    let origin = Source::url_keyed(&url, title.clone(), resume_key(from, video_id))
        .map_err(|e| e.with_detail(format!("copying {from} video {video_id}")))?;
    let bytes = origin.size();
    let copied = |upload: Value, skipped: bool| Copied {
        source_provider: from.to_owned(),
        source_id: video_id.to_owned(),
        target_provider: to.to_owned(),
        target_id: match upload.get(upload_facts.id_field) {
            Some(Value::String(s)) => s.clone(),
            Some(v) => v.to_string(),
            None => String::new(),
        },
        title: title.clone(),
        bytes,
        md5: upload
            .get("file_md5")
            .and_then(Value::as_str)
            .map(str::to_owned),
        skipped,
        upload,
    };

    // A copy an earlier run finished: its record, nothing sent.
    let mut manifest = Manifest::load(checkpoint_dir.as_deref());
    let identity = match &checkpoint_dir {
        Some(_) => Some(Identity::of(&origin)?),
        None => None,
    };
    if let Some(done) = identity.as_ref().and_then(|id| manifest.finished(to, id)) {
        return Ok(copied(done.clone(), true));
    }
    let upload = target.upload(origin, &Value::Object(options), hooks)?;
    if let Some(identity) = &identity {
        manifest.record(to, identity, &upload).map_err(|e| {
            Error::new(
                e.kind(),
                format!(
                    "{from} video {video_id} was copied ({upload}) but the record of it could not be written: {}",
                    e.message()
                ),
            )
        })?;
    }
    Ok(copied(upload, false))
}

/// What checkpoints know a copy's source by: the source video, not its
/// (signed, changing) URL. The target provider is added by the checkpoint.
fn resume_key(provider: &str, video_id: &str) -> String {
    format!("copy\0{provider}\0{video_id}")
}

fn facts_of(client: &Client, role: &str) -> Result<&'static Lifecycle> {
    client.lifecycle().ok_or_else(|| {
        Error::invalid_input(format!(
            "{} has no lifecycle facts (a provider outside the registry): it cannot be {role}",
            client.provider()
        ))
    })
}

/// The URL of the best rendition the source serves.
fn play_url(source: &Client, facts: &Lifecycle, video_id: &str) -> Result<String> {
    let urls = &facts.urls;
    let mut params = id_params(source, urls.operation, urls.id_param, video_id);
    for (k, v) in urls.fixed {
        let v = serde_json::from_str(v).unwrap_or_else(|_| Value::String((*v).to_owned()));
        params.insert((*k).to_owned(), v);
    }
    let answer = source.call(urls.operation, &Value::Object(params))?;
    let field = match facts.play_urls_field {
        "" => &answer,
        f => answer.get(f).unwrap_or(&Value::Null),
    };
    rendition::best(field).map(|r| r.url).ok_or_else(|| {
        Error::new(
            ErrorKind::InvalidInput,
            format!(
                "{} video {video_id} has no play URL that can be copied (not transcoded or \
                 published yet, or only playlists)",
                source.provider()
            ),
        )
    })
}

/// The video's title at the source; its id when the provider gives none.
fn title_of(source: &Client, facts: &Lifecycle, video_id: &str) -> Result<String> {
    let t = &facts.title;
    let params = id_params(source, t.operation, t.id_param, video_id);
    let answer = source.call(t.operation, &Value::Object(params))?;
    Ok(answer
        .pointer(t.pointer)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .unwrap_or(video_id)
        .to_owned())
}

/// `{id_param: id}`, the id a number where the catalog types it so.
fn id_params(client: &Client, operation: &str, id_param: &str, id: &str) -> Map<String, Value> {
    let numeric = client
        .operations()
        .into_iter()
        .find(|op| op.name == operation)
        .and_then(|op| op.params.into_iter().find(|p| p.name == id_param))
        .is_some_and(|p| p.ty == "integer");
    let value = match id.parse::<i64>() {
        Ok(n) if numeric => Value::from(n),
        _ => Value::String(id.to_owned()),
    };
    let mut params = Map::new();
    params.insert(id_param.to_owned(), value);
    params
}
