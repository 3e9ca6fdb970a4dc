//! Every iQiyi operation, typed once. Names are the document's paths without
//! the leading `/api/` or `/` (they key `path_overrides`); hosts are the
//! config's `upload` (upload.iqiyi.com) and `openapi` (openapi.iqiyi.com).
//! Chunks go to the URL `openupload` returns, not through the catalog.

use super::models::oauth::*;
use super::models::upload::*;
use super::models::video::*;
use crate::api::Ack;
use crate::api::{
    ByIdFacts, CodedField, DuplicateFacts, Lifecycle, ListFacts, State, StatusFacts, TimeForm,
    TitleFacts, UploadFacts,
};

crate::operations! {
    pub static UPLOAD_OPS, provider "iqiyi", host "upload", methods upload_methods;
    OpenUpload => UploadSlot { name "openupload", function open_upload, GET };
    UploadFinish => Ack { name "uploadfinish", function upload_finish, POST };
    CancelUpload => Ack { name "cancelupload", function cancel_upload, POST };
}

crate::operations! {
    pub static OPENAPI_OPS, provider "iqiyi", host "openapi", methods openapi_methods;
    SetFileInfo => Ack { name "file/info", function set_file_info, GET, path "api/file/info" };
    Authorize => TokenGrant { name "iqiyi/authorize", function authorize, GET, path "api/iqiyi/authorize" };
    RefreshToken => TokenGrant { name "oauth2/token", function refresh_token, GET, path "api/oauth2/token" };
    FullStatus => VideoStatus { name "file/fullStatus", function full_status, GET, path "api/file/fullStatus" };
    VideoListForExternal => VideoPage { name "file/videoListForExternal", function video_list, GET, path "api/file/videoListForExternal" };
    UrlList => PlayUrls { name "file/urllist", function url_list, GET, path "api/file/urllist" };
    DeleteFiles => Ack { name "file/delete", function delete, GET, path "api/file/delete" };
}

/// Every operation, in document order.
pub static CATALOG: &[crate::api::OpSpec] = &[
    <OpenUpload as crate::api::Operation>::SPEC,
    <UploadFinish as crate::api::Operation>::SPEC,
    <CancelUpload as crate::api::Operation>::SPEC,
    <SetFileInfo as crate::api::Operation>::SPEC,
    <Authorize as crate::api::Operation>::SPEC,
    <RefreshToken as crate::api::Operation>::SPEC,
    <FullStatus as crate::api::Operation>::SPEC,
    <VideoListForExternal as crate::api::Operation>::SPEC,
    <UrlList as crate::api::Operation>::SPEC,
    <DeleteFiles as crate::api::Operation>::SPEC,
];

/// What a video goes through after the upload, and which operations tell it
/// (the CLI's `status`, `wait`, `ls`, `urls`, `delete`; every binding's
/// catalog JSON). `file/fullStatus` answers a `code` (PROVIDERS.md §2).
pub static LIFECYCLE: Lifecycle = Lifecycle {
    status: StatusFacts {
        operation: "file/fullStatus",
        id_param: "file_id",
        state: CodedField {
            field: "code",
            states: &[
                State::ready("A00000", "ready"),
                State::working("A00001", "publishing"),
                State::blocked("A00002", "review failed"),
                State::missing("A00003", "no such video"),
                State::working("A00004", "uploading"),
                State::failed("A00006", "upload cancelled"),
                State::failed("A00007", "publishing failed"),
            ],
        },
        review: None,
        // `A00007` with `is_repeat`: iQiyi holds this content already.
        duplicate: Some(DuplicateFacts {
            flag_field: "is_repeat",
            earlier_field: "file_id_before",
        }),
    },
    urls: ByIdFacts {
        operation: "file/urllist",
        id_param: "file_id",
        fixed: &[],
    },
    // `file/urllist` answers {mp4: […], m3u8: […]}.
    play_urls_field: "",
    list: ListFacts {
        operation: "file/videoListForExternal",
        page_param: "page",
        page_size_param: "page_size",
        items_field: "videos",
        total_field: "count",
        // The list holds published videos only; `count` is all of them.
        total_counts: "all the account's videos, published or not (the list shows published ones)",
        columns: &[
            "file_id",
            "file_name",
            "file_status",
            "file_size",
            "create_time",
        ],
        coded: &[CodedField {
            field: "file_status",
            states: FILE_STATUS,
        }],
        times: &[("create_time", TimeForm::EpochSeconds)],
    },
    title: TitleFacts {
        operation: "file/videoListForExternal",
        id_param: "file_ids",
        pointer: "/videos/0/file_name",
    },
    delete: ByIdFacts {
        operation: "file/delete",
        id_param: "file_ids",
        fixed: &[("delete_type", "1")],
    },
    upload: Some(UploadFacts {
        id_field: "file_id",
        part_size_switches: &[],
        concurrency_option: Some("concurrency"),
        cancel: Some("cancelupload"),
        duplicate_field: Some("duplicate_of"),
    }),
    credentials: &[
        &["client_id", "client_secret"],
        &["client_id", "access_token"],
    ],
    config_schema: crate::api::schema_of::<super::Config>,
};

/// `fileStatus` in the video list (`VideoItem::file_status`; the seed
/// document prints only `2`, and says the list holds published videos alone).
static FILE_STATUS: &[State] = &[
    State::working("1", "publishing"),
    State::ready("2", "published"),
    State::blocked("3", "review failed"),
    State::missing("4", "missing or deleted"),
    State::working("5", "uploading"),
    State::failed("6", "cancelled"),
];

/// Looks an operation up by name.
pub fn find(name: &str) -> Option<&'static crate::api::OpSpec> {
    CATALOG.iter().find(|op| op.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalog_is_complete_and_documented() {
        assert_eq!(UPLOAD_OPS.len() + OPENAPI_OPS.len(), CATALOG.len());
        let mut names: Vec<_> = CATALOG.iter().map(|o| o.name).collect();
        names.sort();
        assert_eq!(
            names,
            [
                "cancelupload",
                "file/delete",
                "file/fullStatus",
                "file/info",
                "file/urllist",
                "file/videoListForExternal",
                "iqiyi/authorize",
                "oauth2/token",
                "openupload",
                "uploadfinish"
            ]
        );
        for op in CATALOG {
            let info = crate::api::OperationInfo::of(op, op.path);
            assert!(!info.doc.is_empty(), "{} has no doc", op.name);
            for p in &info.params {
                assert!(!p.doc.is_empty(), "{}: {} has no doc", op.name, p.name);
                assert_ne!(p.ty, "any", "{}: {} has no type", op.name, p.name);
            }
        }
    }
}
