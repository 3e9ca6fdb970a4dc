//! Provider-neutral calls: the operation catalog, authentication (apply, renew
//! once), envelopes (answer → data or a classified error), the one call loop,
//! the client every provider is reached through, and the checks and
//! encodings the providers' models share (answers, id lists, pages,
//! attachments, API paths).
//!
//! A provider is data plus small trait impls: a [`Service`](crate::api::Service) (its catalog, its
//! [`Caller`](crate::api::Caller) built with its [`Auth`](crate::api::Auth) and
//! [`Envelope`](crate::api::Envelope), its upload), registered
//! under a name in [`crate::providers::registry`]. Nothing here names a
//! provider, and nothing here imports one.

mod answer;
mod api_path;
mod attachment;
mod auth;
mod caller;
mod catalog;
mod client;
mod config;
mod envelope;
mod form;
mod id_list;
mod lifecycle;
mod paging;
mod request;
mod service;
mod url_cache;

pub(crate) use answer::to_json;
pub use answer::Ack;
pub(crate) use api_path::is_api_path;
pub(crate) use attachment::check_attachment;
pub(crate) use id_list::{check_id_text, join_ids};
pub(crate) use paging::check_page;

pub use auth::{Auth, NoAuth, Session};
pub use caller::{Caller, CallerParts};
pub use catalog::{
    argument_name, call_typed, decode, invoke_json, resolve_schema, schema_of, OpSpec, Operation,
    OperationInfo, ParamInfo, Validate,
};
pub use client::Client;
pub(crate) use config::from_json_redacted;
pub use config::{config_from_json, json_from_text, options_from_json, CommonConfig};
pub use envelope::{Data, Envelope};
pub use lifecycle::TitleFacts;
pub use lifecycle::{
    ByIdFacts, CodedField, DuplicateFacts, Lifecycle, ListFacts, Setting, State, StatusFacts,
    TimeForm, UploadFacts,
};
pub use request::{ApiRequest, FilePart, Headers, Method, Target};
pub use service::{RawTarget, Service};
